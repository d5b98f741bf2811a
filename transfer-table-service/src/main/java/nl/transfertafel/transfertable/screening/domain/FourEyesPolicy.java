package nl.transfertafel.transfertable.screening.domain;

import java.util.stream.Collectors;
import nl.transfertafel.transfertable.screening.domain.FourEyesDecision.Allowed;
import nl.transfertafel.transfertable.screening.domain.FourEyesDecision.Refused;
import nl.transfertafel.transfertable.screening.domain.FourEyesDecision.Rule;

/**
 * The four-eyes rule of the 2021 action plan, criterion b (001:210-212): "the screening is carried
 * out by someone else, or someone from another organisation looks along". The one object that
 * decides every screening attempt, for proposals and for waiting-list screenings, from every entry
 * point (REST, the coordinator page, anything later). There is no role that bypasses it: ADMIN is
 * not a coordinator.
 *
 * <ul>
 *   <li>Only coordinators of the subject's region screen.</li>
 *   <li>Two approvals by two distinct coordinators are needed; nobody approves twice.</li>
 *   <li>At least one of the two belongs to an organisation other than the client's current
 *       provider.</li>
 *   <li>A coordinator who made a proposal by hand cannot approve it.</li>
 *   <li>A rejection needs a (coded) reason; one rejection ends the screening.</li>
 * </ul>
 */
public final class FourEyesPolicy {

    public static final int APPROVALS_NEEDED = 2;

    public FourEyesDecision approve(ScreeningSubject subject, Screener screener) {
        Refused refused = mayScreen(subject, screener);
        if (refused != null) {
            return refused;
        }
        if (screener.userId().equals(subject.proposedByUserId())) {
            return new Refused(Rule.OWN_PROPOSAL,
                    "You proposed this match yourself; two other coordinators of the region must approve it.");
        }
        if (subject.approvedBy(screener.userId())) {
            return new Refused(Rule.ALREADY_APPROVED,
                    "You already approved this; a second, different coordinator must approve it.");
        }
        int after = subject.approvals().size() + 1;
        if (after >= APPROVALS_NEEDED && !anyFromOtherOrganisation(subject, screener)) {
            return new Refused(Rule.SAME_ORGANISATION_AS_CURRENT_PROVIDER,
                    "Both approvals would come from the client's current provider (" + subject.currentProviderAgb()
                            + "); the second approval must come from a coordinator of another organisation.");
        }
        if (after >= APPROVALS_NEEDED) {
            return new Allowed("Second approval recorded: two coordinators approved, the four-eyes rule is met.",
                    after, true);
        }
        return new Allowed("First approval recorded. " + stillNeeded(withApproval(subject, screener)), after, false);
    }

    public FourEyesDecision reject(ScreeningSubject subject, Screener screener, Object reasonCode) {
        Refused refused = mayScreen(subject, screener);
        if (refused != null) {
            return refused;
        }
        if (reasonCode == null) {
            return new Refused(Rule.REASON_REQUIRED, "A rejection needs a reason: choose one of the reason codes.");
        }
        return new Allowed("Rejected (" + reasonCode + "); this ends the screening.", subject.approvals().size(), true);
    }

    /** What is still needed before the subject is approved, in words for coordinators. */
    public String stillNeeded(ScreeningSubject subject) {
        int missing = APPROVALS_NEEDED - subject.approvals().size();
        if (missing <= 0) {
            return "Nothing: two coordinators approved.";
        }
        StringBuilder text = new StringBuilder(missing == 1 ? "One more approval" : "Two approvals");
        text.append(" by ").append(missing == 1 ? "a coordinator" : "two different coordinators")
                .append(" of region ").append(subject.region());
        String excluded = subject.approvals().stream().map(Approval::userId).collect(Collectors.joining(", "));
        if (subject.proposedByUserId() != null) {
            excluded = excluded.isEmpty() ? subject.proposedByUserId() : excluded + ", " + subject.proposedByUserId();
        }
        if (!excluded.isEmpty()) {
            text.append(" other than ").append(excluded);
        }
        text.append(missing == 1 ? " is needed" : " are needed");
        if (missing == 1 && subject.currentProviderAgb() != null
                && subject.approvals().stream().allMatch(a -> subject.currentProviderAgb().equals(a.organisation()))) {
            text.append("; it must come from an organisation other than the client's current provider (")
                    .append(subject.currentProviderAgb()).append(")");
        } else if (missing == 2 && subject.currentProviderAgb() != null) {
            text.append("; at least one of them from an organisation other than the client's current provider (")
                    .append(subject.currentProviderAgb()).append(")");
        }
        return text.append('.').toString();
    }

    private static Refused mayScreen(ScreeningSubject subject, Screener screener) {
        if (!screener.isCoordinator()) {
            String roles = String.join(", ", screener.roles().stream().sorted().toList());
            return new Refused(Rule.NOT_A_COORDINATOR, "Only coordinators of the transfer table screen; "
                    + (roles.isEmpty() ? "you have no role that allows it." : "your role " + roles + " does not allow it."));
        }
        if (screener.region() == null || !screener.region().equals(subject.region())) {
            return new Refused(Rule.OTHER_REGION, "This belongs to region " + subject.region()
                    + "; only coordinators of that region screen it.");
        }
        return null;
    }

    private static boolean anyFromOtherOrganisation(ScreeningSubject subject, Screener screener) {
        String current = subject.currentProviderAgb();
        if (current == null) {
            return true;
        }
        return !current.equals(screener.organisation())
                || subject.approvals().stream().anyMatch(a -> !current.equals(a.organisation()));
    }

    private static ScreeningSubject withApproval(ScreeningSubject subject, Screener screener) {
        java.util.List<Approval> approvals = new java.util.ArrayList<>(subject.approvals());
        approvals.add(new Approval(screener.userId(), screener.organisation(), null));
        return new ScreeningSubject(subject.region(), subject.currentProviderAgb(), subject.proposedByUserId(), approvals);
    }
}
