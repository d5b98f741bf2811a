package nl.transfertafel.transfertable.proposal.infrastructure;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import nl.transfertafel.platform.events.TraceContext;
import nl.transfertafel.transfertable.proposal.application.MatchingRounds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.util.context.Context;

/**
 * Runs a region's matching round on the debouncer's thread inside an observation that continues the trace of
 * the first request the round covers (ADR 0740): its log lines carry that trace id, and the outbox rows it
 * writes ({@code TransferProposed}, {@code TransferBlocked}) store its {@code traceparent}, so the proposal and
 * the notifications that follow stay in the trace that asked for the round. The trace ids of the other
 * requests a round coalesced are kept on its span ({@code coalesced.trace.ids}); Micrometer's observation API
 * has no span links. A round nobody traced (the scheduled re-match) starts a trace of its own.
 */
final class ObservedRounds implements BiConsumer<String, List<Observation>> {

    static final String OBSERVATION = "transfertafel.matching.round";
    private static final Logger log = LoggerFactory.getLogger(ObservedRounds.class);

    private final MatchingRounds rounds;
    private final ObservationRegistry registry;
    private final TraceContext traces;
    private final boolean enabled;

    ObservedRounds(MatchingRounds rounds, ObservationRegistry registry, TraceContext traces, boolean enabled) {
        this.rounds = rounds;
        this.registry = registry;
        this.traces = traces;
        this.enabled = enabled;
    }

    @Override
    public void accept(String region, List<Observation> requesters) {
        if (!enabled) {
            return;
        }
        Observation observation = Observation.createNotStarted(OBSERVATION, registry)
                .contextualName("matching round")
                .parentObservation(requesters.isEmpty() ? null : requesters.get(0))
                .lowCardinalityKeyValue("region", region)
                .highCardinalityKeyValue("requests", String.valueOf(requesters.size()));
        String others = requesters.stream().skip(1).map(this::traceId).filter(Objects::nonNull).distinct()
                .collect(Collectors.joining(","));
        if (!others.isEmpty()) {
            observation.highCardinalityKeyValue("coalesced.trace.ids", others);
        }
        observation.start();
        try (Observation.Scope scope = observation.openScope()) {
            if (log.isDebugEnabled()) {
                // who asked, for an operator following one trace: a coalesced request's trace is named here even
                // when the round's own line (and its proposals) continue the first requester's trace
                log.debug("matching round region={} requested by traces [{}]", region, requesters.stream()
                        .map(this::traceId).filter(Objects::nonNull).distinct().collect(Collectors.joining(",")));
            }
            try {
                rounds.runRegion(region)
                        .contextWrite(context -> context.put(ObservationThreadLocalAccessor.KEY, observation))
                        .block(Duration.ofMinutes(5));
            } catch (RuntimeException e) {
                // inside the scope, so the warning carries the round's trace id
                observation.error(e);
                log.warn("matching round for region {} failed, the next event or the schedule retries: {}", region,
                        e.toString());
            }
        } finally {
            observation.stop();
        }
    }

    private String traceId(Observation requester) {
        return traces.traceId(Context.of(ObservationThreadLocalAccessor.KEY, requester)).orElse(null);
    }
}
