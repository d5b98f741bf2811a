package nl.transfertafel.transfertable.waitinglist.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.transfertafel.transfertable.screening.domain.Approval;
import nl.transfertafel.transfertable.screening.domain.FourEyesDecision;
import nl.transfertafel.transfertable.screening.domain.FourEyesPolicy;
import nl.transfertafel.transfertable.screening.domain.Screener;
import nl.transfertafel.transfertable.screening.domain.ScreeningSubject;

/**
 * Coordinators screening a provider's waiting list: one coordinator marks a waiting client as a
 * transfer candidate or as not suitable for transfer, with a coded reason; it takes effect when a
 * second coordinator confirms it, under the same {@link FourEyesPolicy} as proposals (the marking is
 * the first screening decision, the confirmation the second). A second coordinator who disagrees
 * dismisses it with a reason; a dismissal keeps things as they were, so one coordinator suffices
 * ({@link FourEyesPolicy#dismiss}). A waiting-list screening moves nobody, so it has no receiving
 * provider: of the four-eyes organisation rule only "someone other than the client's current
 * provider" applies. Approvals are stored as JSON; one stored without an organisation (before
 * issue 11) never counts as "another organisation".
 *
 * <p>States: OPEN --confirm--> CONFIRMED, OPEN --dismiss--> DISMISSED; nothing else.
 */
public record WaitingListScreening(
        String screeningId,
        String region,
        String referralId,
        String clientPseudonym,
        String currentProviderAgb,
        Verdict verdict,
        Reason reason,
        State state,
        List<Approval> approvals,
        String dismissedBy,
        Reason dismissalReason,
        Instant createdAt,
        Instant decidedAt,
        long version) {

    public WaitingListScreening {
        approvals = List.copyOf(approvals);
    }

    public enum Verdict { TRANSFER_CANDIDATE, NOT_SUITABLE_FOR_TRANSFER }

    /** Coded, so that no case detail ends up in free text (case discussion stays anonymous, 004:636). */
    public enum Reason {
        SHORTER_WAIT_ELSEWHERE_LIKELY,
        SUITABLE_FOR_BASIC_GGZ,
        SUITABLE_FOR_SOCIAL_DOMAIN,
        SUITABLE_FOR_E_HEALTH,
        TREATMENT_RELATIONSHIP_WITH_CURRENT_PROVIDER,
        NEEDS_CURRENT_PROVIDERS_SPECIALISM,
        CLIENT_DOES_NOT_WANT_TRANSFER,
        OTHER
    }

    public enum State { OPEN, CONFIRMED, DISMISSED }

    public sealed interface Outcome permits Changed, Refused, Illegal {
    }

    public record Changed(WaitingListScreening screening, String reason) implements Outcome {
    }

    public record Refused(FourEyesDecision.Refused decision) implements Outcome {
    }

    public record Illegal(State state, String action) implements Outcome {
        public String message() {
            return "The waiting-list screening is " + state + "; '" + action + "' is not possible in that state.";
        }
    }

    public static Outcome mark(String region, String referralId, String clientPseudonym, String currentProviderAgb,
            Verdict verdict, Reason reason, Screener screener, FourEyesPolicy policy, Clock clock) {
        ScreeningSubject subject = new ScreeningSubject(region, currentProviderAgb, null, List.of());
        FourEyesDecision decision = reason == null ? policy.reject(subject, screener, null)
                : policy.approve(subject, screener);
        if (decision instanceof FourEyesDecision.Refused refused) {
            return new Refused(refused);
        }
        Instant now = clock.instant();
        WaitingListScreening screening = new WaitingListScreening(UUID.randomUUID().toString(), region, referralId,
                clientPseudonym, currentProviderAgb, verdict, reason, State.OPEN,
                List.of(new Approval(screener.userId(), screener.organisation(), now)), null, null, now, null, 0);
        return new Changed(screening, decision.reason());
    }

    public ScreeningSubject subject() {
        return new ScreeningSubject(region, currentProviderAgb, null, approvals);
    }

    public Outcome confirm(Screener screener, FourEyesPolicy policy, Clock clock) {
        FourEyesDecision decision = policy.approve(subject(), screener);
        if (decision instanceof FourEyesDecision.Refused refused) {
            return new Refused(refused);
        }
        if (state != State.OPEN) {
            return new Illegal(state, "confirm");
        }
        Instant now = clock.instant();
        List<Approval> after = new ArrayList<>(approvals);
        after.add(new Approval(screener.userId(), screener.organisation(), now));
        State next = ((FourEyesDecision.Allowed) decision).complete() ? State.CONFIRMED : State.OPEN;
        return new Changed(new WaitingListScreening(screeningId, region, referralId, clientPseudonym,
                currentProviderAgb, verdict, reason, next, after, null, null, createdAt,
                next == State.CONFIRMED ? now : null, version), decision.reason());
    }

    public Outcome dismiss(Screener screener, Reason why, FourEyesPolicy policy, Clock clock) {
        FourEyesDecision decision = policy.dismiss(subject(), screener, why);
        if (decision instanceof FourEyesDecision.Refused refused) {
            return new Refused(refused);
        }
        if (state != State.OPEN) {
            return new Illegal(state, "dismiss");
        }
        return new Changed(new WaitingListScreening(screeningId, region, referralId, clientPseudonym,
                currentProviderAgb, verdict, reason, State.DISMISSED, approvals, screener.userId(), why, createdAt,
                clock.instant(), version), decision.reason());
    }
}
