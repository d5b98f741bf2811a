package nl.transfertafel.notification.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.contracts.events.EventPayload;
import nl.transfertafel.contracts.events.NewEvent;
import nl.transfertafel.contracts.events.capacity.RegistrationRestrictionChanged;
import nl.transfertafel.contracts.events.intake.ReferralReceived;
import nl.transfertafel.contracts.events.intake.TreeknormSignalled;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged;
import nl.transfertafel.contracts.events.transfer.EscalationOpened;
import nl.transfertafel.contracts.events.transfer.ScreeningOverdue;
import nl.transfertafel.contracts.events.transfer.TransferBlocked;
import nl.transfertafel.contracts.events.transfer.TransferCompleted;
import nl.transfertafel.contracts.events.transfer.TransferOffered;
import nl.transfertafel.contracts.events.transfer.TransferProposed;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.contracts.vocabulary.WaitingStatus;

/**
 * Events as the other services publish them, for one client's journey: a referral from a GP to a
 * provider, proposed, offered and completed to another provider, insured by an insurer.
 */
public final class TestEvents {

    public final String region;
    public final String gp;
    public final String provider;
    public final String otherProvider;
    public final String insurer;
    public final String referralId = UUID.randomUUID().toString();
    public final String proposalId = UUID.randomUUID().toString();
    public final String pseudonym = "ps-" + UUID.randomUUID();

    public TestEvents(String region, String gp, String provider, String otherProvider, String insurer) {
        this.region = region;
        this.gp = gp;
        this.provider = provider;
        this.otherProvider = otherProvider;
        this.insurer = insurer;
    }

    /** A journey with fresh organisation codes, so tests sharing one context never see each other's notifications. */
    public static TestEvents freshJourney(String region) {
        return new TestEvents(region, agb(), agb(), agb(), uzovi());
    }

    public static String agb() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999));
    }

    public static String uzovi() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(1000, 9999));
    }

    public EventEnvelope referralReceived() {
        return envelope(referralId, new ReferralReceived(referralId, pseudonym, gp, null, "3011", "25-34",
                DiagnosisGroup.DEPRESSION, CareLevel.SPECIALIST, Urgency.REGULAR, insurer, LocalDate.now(),
                new ReferralReceived.Preferences(25, true, false), true));
    }

    public EventEnvelope treeknormBreached() {
        return envelope(referralId, new TreeknormSignalled(referralId, pseudonym, gp, provider, DiagnosisGroup.DEPRESSION,
                TreeknormSignalled.Norm.INTAKE, TreeknormSignalled.Level.BREACHED, LocalDate.now()));
    }

    public EventEnvelope intakeRecorded() {
        return envelope(referralId, new WaitingEntryChanged(referralId, pseudonym, gp, provider,
                WaitingEntryChanged.Placement.PLACED, WaitingStatus.values()[0], WaitingEntryChanged.Stage.INTAKE_DONE,
                WaitingEntryChanged.Change.INTAKE_RECORDED, null, DiagnosisGroup.DEPRESSION, Urgency.REGULAR,
                LocalDate.now().minusWeeks(3), LocalDate.now(), null, LocalDate.now(), 3));
    }

    public EventEnvelope transferProposed() {
        return envelope(proposalId, new TransferProposed(proposalId, referralId, pseudonym, "line-1", otherProvider,
                provider, gp, TransferProposed.Origin.ENGINE, DiagnosisGroup.DEPRESSION, Urgency.REGULAR));
    }

    public EventEnvelope screeningOverdue() {
        return envelope(proposalId, new ScreeningOverdue(proposalId, referralId, pseudonym, otherProvider, provider, gp,
                1, 49));
    }

    public EventEnvelope transferOffered() {
        return envelope(proposalId, new TransferOffered(proposalId, referralId, pseudonym, "line-1", "res-1",
                otherProvider, provider, gp, Instant.now().plusSeconds(86_400 * 3)));
    }

    public EventEnvelope transferCompleted() {
        return envelope(proposalId, new TransferCompleted(proposalId, referralId, pseudonym, otherProvider, provider, gp,
                "res-1", "intake desk", LocalDate.now()));
    }

    public EventEnvelope transferBlocked() {
        return envelope(referralId, new TransferBlocked(referralId, pseudonym, insurer, otherProvider, "line-1", provider,
                TransferBlocked.Reason.CEILING_REACHED));
    }

    public EventEnvelope escalationOpened() {
        String escalationId = UUID.randomUUID().toString();
        return envelope(escalationId, new EscalationOpened(escalationId, referralId, pseudonym, insurer, provider, gp,
                EscalationOpened.Reason.NO_ELIGIBLE_CAPACITY, EscalationOpened.Route.INSURER_MEDIATION, 120));
    }

    public EventEnvelope restrictionChanged() {
        String id = UUID.randomUUID().toString();
        return envelope(id, new RegistrationRestrictionChanged(id, provider, RegistrationRestrictionChanged.Kind.STOP,
                null, true, "full", LocalDate.now(), null));
    }

    public EventEnvelope envelope(String aggregateId, EventPayload payload) {
        return EventJson.envelop(new NewEvent(UUID.randomUUID(), Instant.now(), region, aggregateId, payload),
                UUID.randomUUID());
    }
}
