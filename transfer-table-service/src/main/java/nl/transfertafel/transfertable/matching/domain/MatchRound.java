package nl.transfertafel.transfertable.matching.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.transfertafel.matching.Alternative;
import nl.transfertafel.matching.Assignment;
import nl.transfertafel.matching.MatchingEngine;
import nl.transfertafel.matching.MatchingProblem;
import nl.transfertafel.matching.PriorityObjective;
import nl.transfertafel.transfertable.matching.domain.PolicyResult.Blocked;
import nl.transfertafel.transfertable.readmodel.domain.CapacityLine;
import nl.transfertafel.transfertable.readmodel.domain.WaitingClient;

/**
 * One matching round for one region: the candidates and their eligible lines become a
 * {@link MatchingProblem} (arc cost = {@link PriorityObjective}), the engine assigns the whole
 * region at once, and every placed client becomes a proposal draft with its explanation. Contract
 * and ceiling blocks that were the only obstacle are returned too, for the insurers.
 *
 * <p>Clients already in an open proposal are not candidates, and their places are held (free
 * places = places left minus places held by open proposals), so a round only distributes what is
 * still free. Proposals made by earlier rounds are not withdrawn by later ones.
 */
public final class MatchRound {

    private final MatchingEngine engine;
    private final Eligibility eligibility;

    public MatchRound(MatchingEngine engine, Eligibility eligibility) {
        this.engine = engine;
        this.eligibility = eligibility;
    }

    public record Snapshot(String region, MatchingContext context, List<WaitingClient> clients, List<CapacityLine> lines) {
    }

    public record Draft(WaitingClient client, CapacityLine line, int distanceKm, Explanation explanation) {
    }

    /** A contract or ceiling block that was the only reason this client could not go to this line. */
    public record ContractBlock(WaitingClient client, CapacityLine line, BlockReason reason) {
    }

    public record Result(String region, List<Draft> drafts, List<ContractBlock> contractBlocks, int candidates,
            int linesWithArcs, int arcs, long objective, boolean withinExactnessBound) {
    }

    public Result run(Snapshot snapshot) {
        MatchingContext context = snapshot.context();
        MatchingProblem.Builder builder = MatchingProblem.builder();
        List<WaitingClient> candidates = new ArrayList<>();
        Map<Integer, Integer> problemLineOf = new HashMap<>(); // snapshot line index -> problem line index
        List<CapacityLine> problemLines = new ArrayList<>();
        List<ContractBlock> contractBlocks = new ArrayList<>();
        int arcs = 0;
        List<CapacityLine> lines = snapshot.lines();
        for (WaitingClient client : snapshot.clients()) {
            if (!eligibility.isCandidate(client, context)) {
                continue;
            }
            int clientIndex = -1;
            for (int l = 0; l < lines.size(); l++) {
                CapacityLine line = lines.get(l);
                Blocked block = eligibility.firstPairBlock(client, line, context);
                if (block != null) {
                    // the contract policy comes last: if it is the first block, it is the only one
                    if (block.reason().isContractBlock()) {
                        contractBlocks.add(new ContractBlock(client, line, block.reason()));
                    }
                    continue;
                }
                if (clientIndex < 0) {
                    clientIndex = builder.addClient(client.referralId());
                    candidates.add(client);
                }
                Integer lineIndex = problemLineOf.get(l);
                if (lineIndex == null) {
                    lineIndex = builder.addLine(line.capacityLineId(), context.freePlaces(line));
                    problemLineOf.put(l, lineIndex);
                    problemLines.add(line);
                }
                builder.addArc(clientIndex, lineIndex,
                        ScoreComponents.arcCost(client, MatchingContext.distanceKm(client, line), context.today(),
                                context.inClosureCase(client)));
                arcs++;
            }
        }
        MatchingProblem problem = builder.build();
        Assignment assignment = engine.solve(problem);
        List<Draft> drafts = new ArrayList<>();
        for (int c = 0; c < problem.clientCount(); c++) {
            if (!assignment.isPlaced(c)) {
                continue;
            }
            WaitingClient client = candidates.get(c);
            CapacityLine line = problemLines.get(assignment.lineOf(c));
            int km = MatchingContext.distanceKm(client, line);
            ScoreComponents score = ScoreComponents.of(client, km, line.eHealth(), context.today(),
                    context.inClosureCase(client));
            Explanation explanation = new Explanation(score.summary(), score,
                    runnerUps(assignment, c, client, problemLines),
                    blockedAlternatives(client, line, lines, context), null);
            drafts.add(new Draft(client, line, km, explanation));
        }
        drafts.sort(Comparator.comparingLong((Draft d) -> -d.explanation().score().totalPoints())
                .thenComparing(d -> d.client().referralId()));
        return new Result(snapshot.region(), drafts, contractBlocks, candidates.size(), problemLines.size(), arcs,
                assignment.objective(), problemLines.size() <= PriorityObjective.MAX_LINES_PER_REGION);
    }

    private static List<Explanation.RunnerUp> runnerUps(Assignment assignment, int c, WaitingClient client,
            List<CapacityLine> problemLines) {
        List<Explanation.RunnerUp> result = new ArrayList<>();
        for (Alternative alternative : assignment.alternatives(c)) {
            if (result.size() == Explanation.MAX_RUNNER_UPS) {
                break;
            }
            long lost = alternative.objectiveDelta();
            if (alternative instanceof Alternative.OtherLine other) {
                CapacityLine line = problemLines.get(other.line());
                result.add(new Explanation.RunnerUp("LINE", line.capacityLineId(), line.providerAgb(),
                        MatchingContext.distanceKm(client, line), lost, Explanation.RunnerUp.meaning(lost)));
            } else {
                result.add(new Explanation.RunnerUp("NOT_PLACED", null, null, null, lost,
                        Explanation.RunnerUp.meaning(lost)));
            }
        }
        return result;
    }

    /** Lines that offer what the client needs but are blocked; contract and ceiling blocks first. */
    public List<Explanation.BlockedAlternative> blockedAlternatives(WaitingClient client, CapacityLine chosen,
            List<CapacityLine> lines, MatchingContext context) {
        List<Explanation.BlockedAlternative> blocked = new ArrayList<>();
        for (CapacityLine line : lines) {
            if (line == chosen || line.capacityLineId().equals(chosen.capacityLineId())
                    || !eligibility.clinicallyRelevant(client, line)) {
                continue;
            }
            List<Blocked> blocks = eligibility.pairBlocks(client, line, context);
            if (!blocks.isEmpty()) {
                blocked.add(new Explanation.BlockedAlternative(line.capacityLineId(), line.providerAgb(),
                        blocks.stream().map(Explanation.Reason::of).toList()));
            }
        }
        blocked.sort(Comparator.comparing((Explanation.BlockedAlternative b) ->
                b.reasons().stream().noneMatch(r -> r.code().isContractBlock())).thenComparing(b -> b.capacityLineId()));
        return blocked.size() > Explanation.MAX_BLOCKED ? List.copyOf(blocked.subList(0, Explanation.MAX_BLOCKED)) : blocked;
    }
}
