package nl.transfertafel.transfertable.support;

import java.time.LocalDate;
import java.util.List;
import nl.transfertafel.contracts.events.capacity.CapacityAnnounced;
import nl.transfertafel.contracts.events.capacity.ContractChanged;
import nl.transfertafel.contracts.events.intake.ReferralReceived;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.ProviderType;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.contracts.vocabulary.WaitingStatus;

/** Events of intake and capacity as test data: a referral, a waiting entry, a capacity line, a contract. */
public final class World {

    public static final String INSURER = "3311";
    public static final String GP = "01000001";

    private World() {
    }

    public static String pseudonym(String referralId) {
        return "pseudonym_" + referralId.replaceAll("[^A-Za-z0-9_-]", "") + "_0123456789";
    }

    public static ReferralReceived referral(String referralId, String area, Urgency urgency, LocalDate registeredOn) {
        return referral(referralId, area, urgency, registeredOn, GP);
    }

    /** A referral by the given GP practice (a test that lists a practice's offers uses a practice of its own). */
    public static ReferralReceived referral(String referralId, String area, Urgency urgency, LocalDate registeredOn,
            String gpAgb) {
        return new ReferralReceived(referralId, pseudonym(referralId), gpAgb, null, area, "25-34", DiagnosisGroup.DEPRESSION,
                CareLevel.SPECIALIST, urgency, INSURER, registeredOn, new ReferralReceived.Preferences(25, false, false),
                true);
    }

    public static WaitingEntryChanged entry(String referralId, String providerAgb, WaitingEntryChanged.Stage stage,
            LocalDate registeredOn, long version) {
        return entry(referralId, providerAgb, stage, registeredOn, version, GP);
    }

    /** A waiting entry of a referral by the given GP practice. */
    public static WaitingEntryChanged entry(String referralId, String providerAgb, WaitingEntryChanged.Stage stage,
            LocalDate registeredOn, long version, String gpAgb) {
        return new WaitingEntryChanged(referralId, pseudonym(referralId), gpAgb, providerAgb,
                providerAgb == null ? WaitingEntryChanged.Placement.UNPLACED_NO_PROVIDER : WaitingEntryChanged.Placement.PLACED,
                WaitingStatus.ACTIVE_PLACEMENT, stage,
                stage == WaitingEntryChanged.Stage.WAITING ? WaitingEntryChanged.Change.REGISTERED
                        : WaitingEntryChanged.Change.INTAKE_RECORDED,
                null, DiagnosisGroup.DEPRESSION, Urgency.REGULAR, registeredOn, null, null, registeredOn, version);
    }

    public static CapacityAnnounced line(String lineId, String providerAgb, String area, int places) {
        return new CapacityAnnounced(lineId, providerAgb, ProviderType.GGZ_INSTITUTION, area,
                List.of(DiagnosisGroup.DEPRESSION, DiagnosisGroup.ANXIETY), CareLevel.SPECIALIST, places,
                LocalDate.now(), LocalDate.now().plusDays(60));
    }

    public static ContractChanged contract(String providerAgb, boolean contracted, boolean ceilingReached, long version) {
        return new ContractChanged(INSURER, providerAgb, contracted, ceilingReached, version);
    }
}
