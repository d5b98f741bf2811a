package nl.transfertafel.simulator.policy;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.transfertafel.simulator.run.ClientState;
import nl.transfertafel.simulator.run.Hold;
import nl.transfertafel.simulator.run.LineState;
import nl.transfertafel.simulator.run.RegionRun;
import nl.transfertafel.simulator.run.TransferPolicy;
import nl.transfertafel.simulator.world.Referral;
import nl.transfertafel.transfertable.matching.domain.Eligibility;
import nl.transfertafel.transfertable.matching.domain.MatchingContext;
import nl.transfertafel.transfertable.matching.domain.PolicyResult;
import nl.transfertafel.transfertable.readmodel.domain.CapacityLine;
import nl.transfertafel.transfertable.readmodel.domain.WaitingClient;

/**
 * Policies (b) and (c): a manual transfer table that meets every two weeks (as in the
 * Apeldoorn/Zutphen pilot) or every week. At each meeting it discusses a limited number of cases,
 * the most urgent and longest waiting first, and for each looks for the nearest free place that the
 * rules allow. The rules are the transfer table's own eligibility policies (contracts, ceilings,
 * stops, travel distance, preference, consent): a meeting cannot break them either. What a meeting
 * lacks is the optimiser, the daily rhythm, and fresh announcements: a share of the places
 * announced at the meeting turn out to be gone ({@code table.staleFailure}).
 */
public final class MeetingTable implements TransferPolicy {

    private static final Comparator<ClientState> PRIORITY = Comparator
            .comparing((ClientState c) -> !c.referral().urgent())
            .thenComparingInt(ClientState::registeredDay)
            .thenComparingInt(c -> c.referral().id());

    private final String name;
    private final int periodWeeks;
    private final Eligibility eligibility;
    private final Offers offers = new Offers();

    public MeetingTable(String name, int periodWeeks, Eligibility eligibility) {
        this.name = name;
        this.periodWeeks = periodWeeks;
        this.eligibility = eligibility;
    }

    public static MeetingTable biweekly() {
        return new MeetingTable("biweekly", 2, Eligibility.standard());
    }

    public static MeetingTable weekly() {
        return new MeetingTable("weekly", 1, Eligibility.standard());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void onDay(RegionRun run, int day) {
        offers.answerDue(run, day);
        if (run.world().date(day).getDayOfWeek() == DayOfWeek.TUESDAY && (day / 7) % periodWeeks == 0) {
            meet(run, day);
        }
    }

    private void meet(RegionRun run, int day) {
        List<LineState> free = run.linesWithFreePlaces();
        if (free.isEmpty()) {
            return;
        }
        MatchingContext context = run.context(day);
        List<ClientState> cases = new ArrayList<>();
        for (ClientState c : run.waitingClients()) {
            if (c.free() && eligibility.isCandidate(c.view(run), context)) {
                cases.add(c);
            }
        }
        cases.sort(PRIORITY);
        int limit = (int) run.parameters().get("table.casesPerMeeting");
        if (cases.size() > limit) {
            cases = cases.subList(0, limit);
        }
        run.countDiscussed(cases.size(), day);
        for (ClientState c : cases) {
            WaitingClient client = c.view(run);
            LineState best = null;
            int bestKm = Integer.MAX_VALUE;
            for (LineState line : free) {
                if (line.free() == 0) {
                    continue;
                }
                CapacityLine view = run.lineView(line, day, false);
                PolicyResult.Blocked block = eligibility.firstPairBlock(client, view, context);
                if (block != null) {
                    if (block.reason().isContractBlock()) {
                        run.recordContractBlock(c, line, block.reason(), day);
                    }
                    continue;
                }
                int km = MatchingContext.distanceKm(client, view);
                if (km < bestKm) {
                    best = line;
                    bestKm = km;
                }
            }
            if (best == null) {
                continue;
            }
            if (c.referral().draw(Referral.Purpose.ANNOUNCEMENT_STALE, c.nextAttempt())
                    < run.parameters().get("table.staleFailure")) {
                continue; // the announced place was already gone; the case waits for the next meeting
            }
            Hold hold = run.hold(c, best, day);
            run.countApprovals(2, day); // the table decides jointly: two coordinators look at it
            offers.offer(hold, day, run.parameters());
        }
    }
}
