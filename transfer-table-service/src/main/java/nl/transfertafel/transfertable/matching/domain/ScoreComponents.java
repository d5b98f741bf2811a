package nl.transfertafel.transfertable.matching.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import nl.transfertafel.matching.ClientFacts;
import nl.transfertafel.matching.PriorityObjective;
import nl.transfertafel.transfertable.readmodel.domain.WaitingClient;

/**
 * Why a placement is worth what it is worth, tier by tier (see docs/matching-objective.md): the
 * points for urgency, for the Treeknorm, for being part of a closure case (the client's provider
 * closes, issue 15), for days waited and for distance, and their total (the engine minimises minus
 * this total).
 */
public record ScoreComponents(
        boolean urgent,
        int daysWaited,
        int daysPastTreeknorm,
        int distanceKm,
        boolean eHealth,
        long urgentPoints,
        long treeknormPoints,
        long waitedPoints,
        long distancePoints,
        long totalPoints,
        boolean closure,
        long closurePoints) {

    public static ClientFacts facts(WaitingClient client, LocalDate today) {
        long days = client.registeredOn() == null ? 0 : ChronoUnit.DAYS.between(client.registeredOn(), today);
        int daysWaited = (int) Math.max(0, Math.min(PriorityObjective.MAX_DAYS_WAITED, days));
        return ClientFacts.standard(client.urgent(), daysWaited);
    }

    /** The facts of a client who is (or is not) part of a closure case. */
    public static ClientFacts facts(WaitingClient client, LocalDate today, boolean inClosureCase) {
        return facts(client, today).inClosure(inClosureCase);
    }

    /** Distances beyond the objective's bound count as the bound (the order is unaffected below it). */
    public static int boundedKm(int km) {
        return Math.max(0, Math.min(PriorityObjective.MAX_DISTANCE_KM, km));
    }

    public static long arcCost(WaitingClient client, int distanceKm, LocalDate today) {
        return arcCost(client, distanceKm, today, false);
    }

    public static long arcCost(WaitingClient client, int distanceKm, LocalDate today, boolean inClosureCase) {
        return PriorityObjective.arcCost(facts(client, today, inClosureCase), boundedKm(distanceKm));
    }

    public static ScoreComponents of(WaitingClient client, int distanceKm, boolean eHealth, LocalDate today) {
        return of(client, distanceKm, eHealth, today, false);
    }

    public static ScoreComponents of(WaitingClient client, int distanceKm, boolean eHealth, LocalDate today,
            boolean inClosureCase) {
        ClientFacts facts = facts(client, today, inClosureCase);
        int km = boundedKm(distanceKm);
        long urgentPoints = facts.urgent() ? PriorityObjective.W_URGENT : 0;
        long treeknormPoints = PriorityObjective.W_TREEKNORM
                * (facts.daysPastTreeknorm() - PriorityObjective.MIN_DAYS_PAST_TREEKNORM);
        long waitedPoints = PriorityObjective.W_WAITED * (facts.daysWaited() + 1L);
        long distancePoints = PriorityObjective.MAX_DISTANCE_KM - km;
        return new ScoreComponents(facts.urgent(), facts.daysWaited(), facts.daysPastTreeknorm(), distanceKm, eHealth,
                urgentPoints, treeknormPoints, waitedPoints, distancePoints, PriorityObjective.score(facts, km),
                facts.closure(), facts.closure() ? PriorityObjective.W_CLOSURE : 0);
    }

    /** One line for people: "urgent; 12 days past the Treeknorm deadline; waited 40 days; 8 km" (and the closure tier when it counts). */
    public String summary() {
        String norm = daysPastTreeknorm > 0 ? daysPastTreeknorm + " days past the Treeknorm deadline"
                : daysPastTreeknorm == 0 ? "at the Treeknorm deadline today"
                : -daysPastTreeknorm + " days before the Treeknorm deadline";
        return (urgent ? "urgent" : "regular") + "; " + norm + (closure ? "; provider closes (closure case)" : "")
                + "; waited " + daysWaited + " days; "
                + (eHealth ? "e-health (0 km)" : distanceKm + " km");
    }
}
