package nl.transfertafel.transfertable.closure.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The progress and the report of one closure case (issue 15 item 2): how many clients, where they
 * stand, how many were placed within the norm, how many escalated, and the longest remaining wait.
 *
 * @param placedWithinNorm placed (transfer completed) on or before the client's Treeknorm deadline for
 *                         the intake: registration + 28 days, the deadline the matching objective uses
 *                         (the clock keeps running across a transfer, rule 5)
 * @param escalated        members for whom an escalation case was opened (insurer mediation or the
 *                         regional escalation authority), whatever its state now
 * @param longestRemainingWaitDays the longest time waited so far (days since registration) of a
 *                         member not placed yet and still waiting; null when none is left waiting
 * @param outOfRegion      members whose most telling proposal (placed, offered or in screening) is on a line of
 *                         another region (ADR 1430)
 * @param searchingOutOfRegion members still without a proposal whom their region could not place, so that other
 *                         regions' lines are open to them (ADR 1430)
 * @param rematchedFromTreatment members who were in treatment at the closing provider and are re-matched
 *                         because their treatment must move (ADR 1431); counted in their status too
 * @param locationUnknown  members a location closure took in without a known location
 */
public record ClosureReport(int clients, int placed, int offered, int inScreening, int noMatchYet, int warmHandover,
        int left, int placedWithinNorm, int escalated, Integer longestRemainingWaitDays, int outOfRegion,
        int searchingOutOfRegion, int rematchedFromTreatment, int locationUnknown) {

    public static final int TREEKNORM_INTAKE_DAYS = 28;

    public static ClosureReport of(List<ClosureMember> members, LocalDate today) {
        int placed = 0;
        int offered = 0;
        int inScreening = 0;
        int noMatch = 0;
        int handover = 0;
        int left = 0;
        int withinNorm = 0;
        int escalated = 0;
        Integer longest = null;
        int outOfRegion = 0;
        int searchingOutOfRegion = 0;
        int rematched = 0;
        int locationUnknown = 0;
        for (ClosureMember m : members) {
            if (m.locationUnknown()) {
                locationUnknown++;
            }
            if (m.rematchedFromTreatment()) {
                rematched++;
            }
            MemberStatus status = MemberStatus.of(m);
            boolean proposed = status == MemberStatus.PLACED || status == MemberStatus.OFFERED
                    || status == MemberStatus.IN_SCREENING;
            if (proposed && m.proposalOutOfRegion()) {
                outOfRegion++;
            }
            if (status == MemberStatus.NO_MATCH_YET && m.outOfRegionSince() != null) {
                searchingOutOfRegion++;
            }
            switch (status) {
                case PLACED -> placed++;
                case OFFERED -> offered++;
                case IN_SCREENING -> inScreening++;
                case NO_MATCH_YET -> noMatch++;
                case WARM_HANDOVER -> handover++;
                case LEFT -> left++;
            }
            if (status == MemberStatus.PLACED && placedWithinNorm(m)) {
                withinNorm++;
            }
            if (m.escalated()) {
                escalated++;
            }
            boolean stillToPlace = status == MemberStatus.OFFERED || status == MemberStatus.IN_SCREENING
                    || status == MemberStatus.NO_MATCH_YET;
            if (stillToPlace && m.registeredOn() != null) {
                int days = (int) Math.max(0, ChronoUnit.DAYS.between(m.registeredOn(), today));
                longest = longest == null ? days : Math.max(longest, days);
            }
        }
        return new ClosureReport(members.size(), placed, offered, inScreening, noMatch, handover, left, withinNorm,
                escalated, longest, outOfRegion, searchingOutOfRegion, rematched,
                locationUnknown);
    }

    private static boolean placedWithinNorm(ClosureMember m) {
        return m.registeredOn() != null && m.proposalChangedOn() != null
                && !m.proposalChangedOn().isAfter(m.registeredOn().plusDays(TREEKNORM_INTAKE_DAYS));
    }
}
