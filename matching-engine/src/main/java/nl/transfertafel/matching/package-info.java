/**
 * Optimal assignment of a region's waiting clients to providers' capacity lines.
 *
 * <p>Build a {@link nl.transfertafel.matching.MatchingProblem} (clients, lines with places, eligible
 * client–line arcs with an integer cost), solve it with {@link nl.transfertafel.matching.MatchingEngine}
 * and read the {@link nl.transfertafel.matching.Assignment}. Arc costs usually come from
 * {@link nl.transfertafel.matching.PriorityObjective}. The library is plain Java without dependencies.
 */
package nl.transfertafel.matching;
