package nl.transfertafel.intake.testsupport;

import java.time.LocalDate;
import java.util.UUID;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Change;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Placement;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Stage;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.contracts.vocabulary.WaitingStatus;
import nl.transfertafel.intake.waitinglist.domain.WaitingEntry;

/** Test-data builder for waiting entries: {@code anEntry().registeredOn(day).intakeOn(day).build()}. */
public final class Entries {

    private String provider = "22000001";
    private Placement placement = Placement.PLACED;
    private Stage stage = Stage.WAITING;
    private LocalDate registeredOn = LocalDate.of(2026, 9, 1);
    private LocalDate intakeOn;
    private LocalDate confirmedOn;
    private boolean stale;
    private WaitingStatus status = WaitingStatus.ACTIVE_PLACEMENT;
    private long version = 1;

    public static Entries anEntry() {
        return new Entries();
    }

    public Entries at(String providerAgb) {
        provider = providerAgb;
        return this;
    }

    public Entries unplaced(Placement why) {
        placement = why;
        provider = null;
        return this;
    }

    public Entries registeredOn(LocalDate day) {
        registeredOn = day;
        return this;
    }

    public Entries intakeOn(LocalDate day) {
        intakeOn = day;
        stage = Stage.INTAKE_DONE;
        return this;
    }

    public Entries stage(Stage value) {
        stage = value;
        return this;
    }

    public Entries confirmedOn(LocalDate day) {
        confirmedOn = day;
        return this;
    }

    public Entries stale() {
        stale = true;
        return this;
    }

    public Entries status(WaitingStatus value) {
        status = value;
        return this;
    }

    public Entries version(long value) {
        version = value;
        return this;
    }

    public WaitingEntry build() {
        return new WaitingEntry(UUID.nameUUIDFromBytes(("entry" + registeredOn + provider).getBytes()), "rotterdam",
                "pseudonym_0123456789abcdef", "01000001", provider, placement, status, stage, null,
                DiagnosisGroup.DEPRESSION, Urgency.REGULAR, registeredOn, intakeOn, null, null,
                confirmedOn != null ? confirmedOn : registeredOn, stale, Change.REGISTERED, version);
    }
}
