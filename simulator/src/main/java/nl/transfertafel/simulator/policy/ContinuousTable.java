package nl.transfertafel.simulator.policy;

import java.time.DayOfWeek;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.transfertafel.matching.MatchingEngine;
import nl.transfertafel.simulator.run.ClientState;
import nl.transfertafel.simulator.run.Hold;
import nl.transfertafel.simulator.run.LineState;
import nl.transfertafel.simulator.run.RegionRun;
import nl.transfertafel.simulator.run.TransferPolicy;
import nl.transfertafel.simulator.world.Parameters;
import nl.transfertafel.simulator.world.Referral;
import nl.transfertafel.transfertable.matching.domain.Eligibility;
import nl.transfertafel.transfertable.matching.domain.MatchRound;
import nl.transfertafel.transfertable.matching.domain.MatchingContext;
import nl.transfertafel.transfertable.readmodel.domain.CapacityLine;
import nl.transfertafel.transfertable.readmodel.domain.WaitingClient;
import nl.transfertafel.transfertable.screening.domain.Approval;
import nl.transfertafel.transfertable.screening.domain.FourEyesDecision;
import nl.transfertafel.transfertable.screening.domain.FourEyesPolicy;
import nl.transfertafel.transfertable.screening.domain.Screener;
import nl.transfertafel.transfertable.screening.domain.ScreeningSubject;

/**
 * Policy (d): the continuous transfer table as built. Every day the transfer table's own
 * {@link MatchRound} (its {@link Eligibility} policies and the {@code matching-engine}) distributes
 * the places still free after the providers served their own lists; each proposal holds its place
 * while two coordinators screen it through the real {@link FourEyesPolicy} (each coordinator gives
 * at most {@code continuous.approvalsPerDay} approvals per working day, so screening takes time when
 * the queue is long); then the client and the receiving provider answer the offer.
 */
public final class ContinuousTable implements TransferPolicy {

    private final MatchRound round;
    private final FourEyesPolicy fourEyes = new FourEyesPolicy();
    private final ArrayDeque<Hold> screening = new ArrayDeque<>();
    private final Offers offers = new Offers();
    private long rounds;
    private long proposals;

    public ContinuousTable(Eligibility eligibility) {
        // one thread per round: the runs of regions and policies are already spread over the cores
        this.round = new MatchRound(new MatchingEngine(1), eligibility);
    }

    public static ContinuousTable standard() {
        return new ContinuousTable(Eligibility.standard());
    }

    @Override
    public String name() {
        return "continuous";
    }

    /** Matching rounds run so far (for tests: the engine really ran). */
    public long rounds() {
        return rounds;
    }

    /** Proposals the engine made so far. */
    public long proposals() {
        return proposals;
    }

    @Override
    public void onDay(RegionRun run, int day) {
        match(run, day);
        if (!isWeekend(run, day)) {
            screen(run, day);
        }
        offers.answerDue(run, day);
    }

    private static boolean isWeekend(RegionRun run, int day) {
        DayOfWeek d = run.world().date(day).getDayOfWeek();
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }

    private void match(RegionRun run, int day) {
        List<LineState> free = run.linesWithFreePlaces();
        if (free.isEmpty()) {
            return;
        }
        MatchingContext context = run.context(day);
        Map<String, ClientState> byId = new HashMap<>();
        List<WaitingClient> clients = new ArrayList<>();
        for (ClientState c : run.waitingClients()) {
            WaitingClient view = c.view(run);
            byId.put(view.referralId(), c);
            clients.add(view);
        }
        Map<String, LineState> lineById = new HashMap<>();
        List<CapacityLine> lines = new ArrayList<>();
        for (LineState line : free) {
            CapacityLine view = run.lineView(line, day, true);
            lineById.put(view.capacityLineId(), line);
            lines.add(view);
        }
        MatchRound.Result result = round.run(new MatchRound.Snapshot(run.world().region(), context, clients, lines));
        rounds++;
        for (MatchRound.ContractBlock block : result.contractBlocks()) {
            run.recordContractBlock(byId.get(block.client().referralId()),
                    lineById.get(block.line().capacityLineId()), block.reason(), day);
        }
        for (MatchRound.Draft draft : result.drafts()) {
            ClientState c = byId.get(draft.client().referralId());
            LineState line = lineById.get(draft.line().capacityLineId());
            screening.add(run.hold(c, line, day));
            proposals++;
        }
    }

    private void screen(RegionRun run, int day) {
        Parameters p = run.parameters();
        int coordinators = (int) p.get("continuous.coordinators");
        int perDay = (int) p.get("continuous.approvalsPerDay");
        int[] left = new int[coordinators];
        java.util.Arrays.fill(left, perDay);
        String region = run.world().region();
        // coordinator 1 works for the region's first provider, the others for the regional office
        List<Screener> screeners = new ArrayList<>();
        for (int i = 0; i < coordinators; i++) {
            String org = i == 0 ? run.world().providers().get(0).agb() : "regional-office-" + region;
            screeners.add(new Screener("coordinator-" + (i + 1), Set.of(Screener.COORDINATOR), org, region));
        }
        int kept = screening.size();
        for (int n = 0; n < kept; n++) {
            Hold hold = screening.poll();
            if (!hold.open()) {
                continue;
            }
            boolean complete = false;
            for (int i = 0; i < coordinators && !complete; i++) {
                if (left[i] == 0) {
                    continue;
                }
                ScreeningSubject subject = new ScreeningSubject(region,
                        hold.client().line().spec().provider().agb(), null, hold.approvals);
                FourEyesDecision decision = fourEyes.approve(subject, screeners.get(i));
                if (decision instanceof FourEyesDecision.Allowed allowed) {
                    left[i]--;
                    hold.approvals.add(new Approval(screeners.get(i).userId(), screeners.get(i).organisation(), null));
                    run.countApprovals(1, day);
                    complete = allowed.complete();
                }
            }
            if (!complete) {
                screening.add(hold); // waits for the next working day
                continue;
            }
            ClientState c = hold.client();
            if (c.referral().draw(Referral.Purpose.SCREENING_REJECTS, c.nextAttempt()) < p.get("continuous.screeningReject")) {
                run.release(hold, day, true);
            } else {
                offers.offer(hold, day, p);
            }
        }
    }
}
