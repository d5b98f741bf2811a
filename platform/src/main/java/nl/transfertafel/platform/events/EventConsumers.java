package nl.transfertafel.platform.events;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.platform.web.RegionMdc;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

/**
 * Turns an event handler into a Spring Cloud Stream consumer with the platform's guarantees:
 * the envelope is parsed once, the effect runs through the {@link IdempotentConsumer}, and any
 * failure is thrown back to the listener container, where {@link ConsumerErrorHandling} decides: an
 * infrastructure failure retries until the infrastructure is back, a message that is not an event
 * goes to the dead-letter topic at once, any other failure after a few retries.
 * Services declare their consumers as beans built here, named for the business action: one record
 * at a time ({@link #consumer}) or one poll at a time ({@link #batchConsumer}, for bindings with
 * {@code consumer.batch-mode: true}; docs/adr/1170).
 */
public class EventConsumers {

    private static final Duration EFFECT_TIMEOUT = Duration.ofSeconds(30);

    private final IdempotentConsumer idempotent;
    private final TraceContext traces;

    public EventConsumers(IdempotentConsumer idempotent) {
        this(idempotent, TraceContext.none());
    }

    public EventConsumers(IdempotentConsumer idempotent, TraceContext traces) {
        RegionMdc.register();
        this.idempotent = idempotent;
        this.traces = traces;
    }

    /**
     * The effect runs in an observation that continues the trace of the record's {@code traceparent}
     * header (set by the outbox relay), so its logs carry that trace id and the events it writes to
     * the outbox carry it on.
     */
    public Consumer<Message<byte[]>> consumer(String name, Function<EventEnvelope, Mono<?>> handler) {
        return message -> {
            EventEnvelope envelope = read(message.getPayload());
            Observation observation = traces.consuming(name, envelope.type(),
                    header(message, TraceContext.HEADER)).start();
            try (Observation.Scope scope = observation.openScope()) {
                idempotent.process(name, envelope, handler)
                        // the event's region in the log lines of its effect (web.RegionMdc)
                        .contextWrite(RegionMdc.with(envelope.region()))
                        .contextWrite(context -> context.put(ObservationThreadLocalAccessor.KEY, observation))
                        .block(EFFECT_TIMEOUT);
            } catch (RuntimeException e) {
                observation.error(e);
                throw e;
            } finally {
                observation.stop();
            }
        };
    }

    /**
     * A consumer for a binding in batch mode ({@code spring.cloud.stream.bindings.<name>-in-0.consumer.batch-mode: true}):
     * the records of one poll run through {@link IdempotentConsumer#processAll} in one transaction (one
     * {@code processed_event} statement, the effects in the order of the poll, so in partition order). Each
     * record's effect runs in an observation of its own that continues the record's {@code traceparent} (a
     * poll mixes the traces of many requests; one observation per batch would cut every one of them) and
     * with the record's region in the log MDC, as {@link #consumer} does.
     *
     * <p>A failure ends in a {@link BatchListenerFailedException} naming the first record not processed,
     * so {@link ConsumerErrorHandling} treats that record as it treats a failed record of a record
     * consumer (infrastructure: retried until it is back; not an event or refused: dead-lettered at once;
     * otherwise a few retries, then dead-lettered) while the records before it are committed and the
     * records after it are polled again. The transaction of a failed poll rolled back, so the records
     * before the failing one run again, in one transaction, before the exception is thrown: every effect
     * is applied once (docs/adr/1170).
     */
    public Consumer<Message<List<byte[]>>> batchConsumer(String name, Function<EventEnvelope, Mono<?>> handler) {
        return new BatchConsumer(name, handler);
    }

    /**
     * A batch consumer; {@link #acceptOne} takes a single record (the dead-letter replay hands records
     * back one at a time).
     */
    public final class BatchConsumer implements Consumer<Message<List<byte[]>>> {

        private final String name;
        private final Function<EventEnvelope, Mono<?>> handler;

        private BatchConsumer(String name, Function<EventEnvelope, Mono<?>> handler) {
            this.name = name;
            this.handler = handler;
        }

        @Override
        public void accept(Message<List<byte[]>> message) {
            List<byte[]> payloads = message.getPayload();
            consume(payloads, batchHeader(message, TraceContext.HEADER, payloads.size()));
        }

        public void acceptOne(Message<byte[]> message) {
            consume(List.of(message.getPayload()),
                    Collections.singletonList(header(message, TraceContext.HEADER)));
        }

        private void consume(List<byte[]> payloads, List<String> traceparents) {
            // the events up to the first record that is not one; that record fails alone, after them
            List<EventEnvelope> events = new ArrayList<>(payloads.size());
            UnprocessableEvent notAnEvent = null;
            for (byte[] payload : payloads) {
                try {
                    events.add(read(payload));
                } catch (UnprocessableEvent e) {
                    notAnEvent = e;
                    break;
                }
            }
            if (!events.isEmpty()) {
                AtomicInteger failedAt = new AtomicInteger(-1);
                try {
                    runAll(events, traceparents, failedAt);
                } catch (RuntimeException failure) {
                    throw failedRecord(events, traceparents, failedAt.get(), failure);
                }
            }
            if (notAnEvent != null) {
                throw new BatchListenerFailedException(notAnEvent.getMessage(), notAnEvent, events.size());
            }
        }

        /**
         * The poll's transaction rolled back. When an effect failed, the records before it run again in
         * one transaction and that record is the one that failed; when no effect can be blamed (the
         * {@code processed_event} statement, the commit) an infrastructure failure fails the whole poll
         * from its first record, and anything else is found by running the records one by one.
         */
        private BatchListenerFailedException failedRecord(List<EventEnvelope> events, List<String> traceparents,
                int failedAt, RuntimeException failure) {
            if (failedAt < 0) {
                if (events.size() == 1 || ConsumerFailures.isInfrastructure(failure)) {
                    return failed(0, failure);
                }
                for (int i = 0; i < events.size(); i++) {
                    try {
                        runAll(events.subList(i, i + 1), traceparents.subList(i, i + 1), new AtomicInteger(-1));
                    } catch (RuntimeException alone) {
                        return failed(i, alone);
                    }
                }
                return failed(events.size(), failure); // not reached: every record ran alone
            }
            if (failedAt > 0) {
                try {
                    runAll(events.subList(0, failedAt), traceparents.subList(0, failedAt), new AtomicInteger(-1));
                } catch (RuntimeException again) {
                    return failed(0, again); // the records before it failed now: retry the poll from its start
                }
            }
            return failed(failedAt, failure);
        }

        private BatchListenerFailedException failed(int index, RuntimeException cause) {
            return new BatchListenerFailedException(name + ": record " + index + " of the poll failed", cause, index);
        }

        private void runAll(List<EventEnvelope> events, List<String> traceparents, AtomicInteger failedAt) {
            Map<EventEnvelope, Integer> positions = new IdentityHashMap<>();
            for (int i = 0; i < events.size(); i++) {
                positions.put(events.get(i), i);
            }
            Function<EventEnvelope, Mono<?>> observed = event -> Mono.defer(() -> {
                int position = positions.get(event);
                Observation observation = traces.consuming(name, event.type(), traceparents.get(position)).start();
                Mono<?> effect;
                try (Observation.Scope scope = observation.openScope()) {
                    effect = handler.apply(event);
                } catch (RuntimeException e) {
                    effect = Mono.error(e);
                }
                return effect
                        .doOnError(e -> {
                            failedAt.compareAndSet(-1, position);
                            observation.error(e);
                        })
                        .doFinally(signal -> observation.stop())
                        .contextWrite(RegionMdc.with(event.region()))
                        .contextWrite(context -> context.put(ObservationThreadLocalAccessor.KEY, observation));
            });
            idempotent.processAll(name, events, observed)
                    .block(EFFECT_TIMEOUT.plusMillis(200L * events.size()));
        }
    }

    /**
     * One header of every record of a batch, in the order of the payloads: from the converted headers
     * (the binder maps them) or else the records' own; all null when the batch carries neither.
     */
    static List<String> batchHeader(Message<?> message, String name, int size) {
        List<String> values = new ArrayList<>(size);
        Object converted = message.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS);
        Object raw = message.getHeaders().get(KafkaHeaders.NATIVE_HEADERS);
        if (converted instanceof List<?> maps && maps.size() == size) {
            for (Object map : maps) {
                values.add(map instanceof Map<?, ?> headers ? text(headers.get(name)) : null);
            }
        } else if (raw instanceof List<?> all && all.size() == size) {
            for (Object headers : all) {
                Header header = headers instanceof Headers kafka ? kafka.lastHeader(name) : null;
                values.add(header == null ? null : text(header.value()));
            }
        } else {
            for (int i = 0; i < size; i++) {
                values.add(null);
            }
        }
        return values;
    }

    private static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }

    static String header(Message<?> message, String name) {
        return text(message.getHeaders().get(name));
    }

    static EventEnvelope read(byte[] payload) {
        try {
            return EventJson.read(payload);
        } catch (RuntimeException notAnEvent) {
            throw new UnprocessableEvent("not an event envelope: " + notAnEvent.getClass().getSimpleName(), notAnEvent);
        }
    }
}
