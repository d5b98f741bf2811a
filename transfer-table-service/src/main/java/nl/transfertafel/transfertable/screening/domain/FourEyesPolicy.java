package nl.transfertafel.transfertable.screening.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import nl.transfertafel.transfertable.screening.domain.FourEyesDecision.Allowed;
import nl.transfertafel.transfertable.screening.domain.FourEyesDecision.Refused;
import nl.transfertafel.transfertable.screening.domain.FourEyesDecision.Rule;

/**
 * The four-eyes rule of the 2021 action plan, criterion b (001:210-212): "the screening is carried
 * out by someone else, or someone from another organisation looks along". The one object that
 * decides every screening attempt, approval and rejection alike, for proposals and for waiting-list
 * screenings, from every entry point (REST, the coordinator page, anything later). There is no role
 * that bypasses it: ADMIN is not a coordinator.
 *
 * <ul>
 *   <li>Only coordinators of the subject's region screen, and only with an organisation in their
 *       token: an unknown organisation never counts as "another organisation" (issue 11 item 1).
 *       Organisations compare as {@link OrganisationCode}s (trimmed, upper-case, numeric codes
 *       without leading zeros).</li>
 *   <li>A decision takes effect when two distinct coordinators made it: two approvals, or a
 *       rejection and its confirmation (issue 11 item 3). Nobody decides twice.</li>
 *   <li>Of the two, at least one belongs to an organisation other than the client's current
 *       provider, and at least one to an organisation other than the receiving provider (the same
 *       or the other coordinator: the mirror rule, issue 11 item 4). A coordinator of the receiving
 *       provider and one of the current provider together suffice.</li>
 *   <li>A coordinator who made a proposal by hand cannot approve it.</li>
 *   <li>A rejection needs a (coded) reason. A first rejection is pending; an approval by another
 *       coordinator withdraws it (the screening continues with that approval counted).</li>
 * </ul>
 * {@link #fourEyesMet} is the one place that says whether two decisions are enough; approval and
 * rejection both go through it.
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
        List<Approval> after = new ArrayList<>(subject.approvals());
        after.add(decisionOf(screener));
        String withdrawn = subject.pendingRejection() == null ? ""
                : " The pending rejection by " + subject.pendingRejection().userId() + " is withdrawn.";
        if (after.size() >= APPROVALS_NEEDED) {
            Refused organisations = fourEyesMet(subject, after, "approval");
            if (organisations != null) {
                return organisations;
            }
            return new Allowed("Second approval recorded: two coordinators approved, the four-eyes rule is met."
                    + withdrawn, after.size(), true);
        }
        return new Allowed("First approval recorded." + withdrawn + " "
                + stillNeeded(new ScreeningSubject(subject.region(), subject.currentProviderAgb(),
                        subject.receivingProviderAgb(), subject.proposedByUserId(), after, null)), after.size(), false);
    }

    /**
     * A rejection: the first is pending (not complete); a second, distinct coordinator confirms it
     * under the same organisation rule as an approval, and that ends the screening.
     */
    public FourEyesDecision reject(ScreeningSubject subject, Screener screener, Object reasonCode) {
        Refused refused = mayScreen(subject, screener);
        if (refused != null) {
            return refused;
        }
        if (reasonCode == null) {
            return new Refused(Rule.REASON_REQUIRED, "A rejection needs a reason: choose one of the reason codes.");
        }
        if (subject.approvedBy(screener.userId())) {
            return new Refused(Rule.ALREADY_APPROVED, "You approved this; a rejection must come from two other"
                    + " coordinators of the region.");
        }
        Approval pending = subject.pendingRejection();
        if (pending == null) {
            return new Allowed("Rejection (" + reasonCode + ") recorded and pending: it takes effect when a second"
                    + " coordinator of region " + subject.region() + " confirms it"
                    + organisationsNeeded(subject, List.of(decisionOf(screener)))
                    + "; until then the proposal stays in screening.", subject.approvals().size(), false);
        }
        if (pending.userId().equals(screener.userId())) {
            return new Refused(Rule.ALREADY_REJECTED, "You already rejected this; a second, different coordinator"
                    + " must confirm the rejection.");
        }
        Refused organisations = fourEyesMet(subject, List.of(pending, decisionOf(screener)), "rejection");
        if (organisations != null) {
            return organisations;
        }
        return new Allowed("Rejection confirmed (" + reasonCode + "): two coordinators rejected it, this ends the"
                + " screening.", subject.approvals().size(), true);
    }

    /**
     * A waiting-list marking dismissed by a coordinator who disagrees: it keeps things as they were
     * (the marking never takes effect), so one coordinator of the region with a reason suffices.
     */
    public FourEyesDecision dismiss(ScreeningSubject subject, Screener screener, Object reasonCode) {
        Refused refused = mayScreen(subject, screener);
        if (refused != null) {
            return refused;
        }
        if (reasonCode == null) {
            return new Refused(Rule.REASON_REQUIRED, "A dismissal needs a reason: choose one of the reason codes.");
        }
        return new Allowed("Dismissed (" + reasonCode + "); the marking takes no effect.", subject.approvals().size(),
                true);
    }

    /** What is still needed before the subject is decided, in words for coordinators. */
    public String stillNeeded(ScreeningSubject subject) {
        StringBuilder text = new StringBuilder();
        Approval pending = subject.pendingRejection();
        if (pending != null) {
            text.append("A rejection by ").append(pending.userId()).append(" is pending: a second coordinator of region ")
                    .append(subject.region()).append(" other than ").append(pending.userId())
                    .append(" confirms it").append(organisationsNeeded(subject, List.of(pending)))
                    .append(", or approves instead (which withdraws the rejection). ");
        }
        int missing = APPROVALS_NEEDED - subject.approvals().size();
        if (missing <= 0) {
            return text.append("Nothing more for approval: two coordinators approved.").toString().strip();
        }
        text.append(missing == 1 ? "One more approval" : "Two approvals");
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
        if (missing == 1) {
            text.append(organisationsNeeded(subject, subject.approvals()));
        } else {
            List<String> parts = new ArrayList<>();
            if (subject.currentProviderAgb() != null) {
                parts.add("at least one of them from an organisation other than the client's current provider ("
                        + subject.currentProviderAgb() + ")");
            }
            if (subject.receivingProviderAgb() != null) {
                parts.add("at least one from an organisation other than the receiving provider ("
                        + subject.receivingProviderAgb() + ")");
            }
            if (!parts.isEmpty()) {
                text.append("; ").append(String.join(" and ", parts));
            }
        }
        return text.append('.').toString();
    }

    /**
     * The one statement of the organisation part of the rule: among the two deciders, someone of an
     * organisation other than the client's current provider, and someone of an organisation other
     * than the receiving provider. Null when met, else the refusal.
     */
    static Refused fourEyesMet(ScreeningSubject subject, List<Approval> deciders, String what) {
        String current = subject.currentProviderAgb();
        if (current != null && deciders.stream().noneMatch(d -> isOther(d.organisation(), current))) {
            return new Refused(Rule.SAME_ORGANISATION_AS_CURRENT_PROVIDER, "Both coordinators of this " + what
                    + " would come from the client's current provider (" + current + "); the second " + what
                    + " must come from a coordinator of another organisation.");
        }
        String receiving = subject.receivingProviderAgb();
        if (receiving != null && deciders.stream().noneMatch(d -> isOther(d.organisation(), receiving))) {
            return new Refused(Rule.SAME_ORGANISATION_AS_RECEIVING_PROVIDER, "Both coordinators of this " + what
                    + " would come from the receiving provider (" + receiving + "); the second " + what
                    + " must come from a coordinator of another organisation.");
        }
        return null;
    }

    /** What a second decider's organisation must be, given the first decider(s); empty when anyone will do. */
    private static String organisationsNeeded(ScreeningSubject subject, List<Approval> sofar) {
        List<String> parts = new ArrayList<>();
        String current = subject.currentProviderAgb();
        if (current != null && sofar.stream().noneMatch(d -> isOther(d.organisation(), current))) {
            parts.add("the client's current provider (" + current + ")");
        }
        String receiving = subject.receivingProviderAgb();
        if (receiving != null && sofar.stream().noneMatch(d -> isOther(d.organisation(), receiving))) {
            parts.add("the receiving provider (" + receiving + ")");
        }
        return parts.isEmpty() ? "" : "; it must come from an organisation other than " + String.join(" and ", parts);
    }

    /** A known organisation that is not the given provider; an unknown organisation is never "other". */
    private static boolean isOther(String organisation, String provider) {
        OrganisationCode code = OrganisationCode.of(organisation);
        return code != null && !OrganisationCode.same(organisation, provider);
    }

    private static Approval decisionOf(Screener screener) {
        return new Approval(screener.userId(), screener.organisation(), null);
    }

    private static Refused mayScreen(ScreeningSubject subject, Screener screener) {
        if (!screener.isCoordinator()) {
            String roles = String.join(", ", screener.roles().stream().sorted().toList());
            return new Refused(Rule.NOT_A_COORDINATOR, "Only coordinators of the transfer table screen; "
                    + (roles.isEmpty() ? "you have no role that allows it." : "your role " + roles + " does not allow it."));
        }
        if (OrganisationCode.of(screener.organisation()) == null) {
            return new Refused(Rule.ORGANISATION_MISSING, "Your sign-in names no organisation (claim 'org'); the"
                    + " four-eyes rule needs to know it, so you cannot screen until your account names one.");
        }
        if (screener.region() == null || !screener.region().equals(subject.region())) {
            return new Refused(Rule.OTHER_REGION, "This belongs to region " + subject.region()
                    + "; only coordinators of that region screen it.");
        }
        return null;
    }
}
