package nl.transfertafel.platform.events;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The consumers' retries and dead letters, moved from the binding into the listener container
 * (Spring Kafka's {@link DefaultErrorHandler}), because only there can the decision depend on the
 * failure (see {@link ConsumerFailures}):
 * <ul>
 * <li>infrastructure failures retry with exponential backoff (up to {@code maxBackOff} between tries)
 * for as long as it takes: the container seeks back to the failed record and polls again, so the
 * consumer stays in its group, the records behind it wait (order is kept) and nothing is
 * dead-lettered because PostgreSQL was away for a while;</li>
 * <li>an unprocessable message goes to the dead-letter topic at once;</li>
 * <li>any other failure retries as the binding says ({@code max-attempts}, back-off properties),
 * then goes to the dead-letter topic.</li>
 * </ul>
 * The dead-letter topic is the binder's ({@code error.<topic>.<group>}), so
 * {@code platform.events.deadletter.DeadLetters} lists and replays these as before.
 *
 * <p>Bindings in batch mode ({@link EventConsumers#batchConsumer}) get the same handler: their consumer
 * throws a {@code BatchListenerFailedException} naming the failed record, so the handler commits the
 * records before it, decides for that record exactly as above and polls the records after it again
 * (docs/adr/1170). Their polls are bounded to {@code batchMaxPollRecords} records unless the binding sets
 * {@code max.poll.records} itself.
 */
public class ConsumerErrorHandling implements ListenerContainerWithDlqAndRetryCustomizer, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ConsumerErrorHandling.class);

    /** The root cause, for operators (DeadLetters shows it); the binder's own headers stay as well. */
    static final String EXCEPTION_MESSAGE = "x-exception-message";

    private final DefaultKafkaProducerFactory<byte[], byte[]> producers;
    private final KafkaTemplate<byte[], byte[]> deadLetterTemplate;
    private final Duration initialBackOff;
    private final Duration maxBackOff;
    private final MeterRegistry meters;
    private final int batchMaxPollRecords;

    public ConsumerErrorHandling(KafkaClientSettings settings, Duration initialBackOff, Duration maxBackOff,
            MeterRegistry meters) {
        this(settings, initialBackOff, maxBackOff, meters, 100);
    }

    /**
     * @param settings the binder's client settings (security included), used by the dead-letter
     *        producer as the binder's own would
     */
    public ConsumerErrorHandling(KafkaClientSettings settings, Duration initialBackOff, Duration maxBackOff,
            MeterRegistry meters, int batchMaxPollRecords) {
        this.meters = meters;
        this.batchMaxPollRecords = batchMaxPollRecords;
        Map<String, Object> producer = new HashMap<>();
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.put(ProducerConfig.CLIENT_ID_CONFIG, "dead-letters");
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.producers = new DefaultKafkaProducerFactory<>(settings.producer(producer), new ByteArraySerializer(), new ByteArraySerializer());
        this.deadLetterTemplate = new KafkaTemplate<>(producers);
        this.initialBackOff = initialBackOff;
        this.maxBackOff = maxBackOff;
    }

    /**
     * A binding in batch mode reads at most {@code batchMaxPollRecords} records a poll (Kafka's default is
     * 500: one transaction would hold them all, and a record that fails is found later) unless its own
     * {@code configuration} says {@code max.poll.records}.
     */
    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff,
            ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
        if (properties != null && properties.isBatchMode()
                && !properties.getExtension().getConfiguration().containsKey(ConsumerConfig.MAX_POLL_RECORDS_CONFIG)) {
            container.getContainerProperties().getKafkaConsumerProperties()
                    .setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(batchMaxPollRecords));
        }
        configure(container, destinationName, group, dlqDestinationResolver, backOff);
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff) {
        DeadLetterPublishingRecoverer recoverer = null;
        if (dlqDestinationResolver != null) {
            // the binder's dead-letter topic, but the partition chosen by the key (the region): a
            // dead-letter topic made when its topic had fewer partitions still takes every record
            recoverer = new DeadLetterPublishingRecoverer(deadLetterTemplate, (record, failure) ->
                    new TopicPartition(deadLetterTopic(dlqDestinationResolver.apply(record, failure), record, group), -1));
            recoverer.addHeadersFunction((record, failure) -> new RecordHeaders(new RecordHeader[] {
                    new RecordHeader(EXCEPTION_MESSAGE, rootMessage(failure).getBytes(StandardCharsets.UTF_8))}));
        }
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff != null ? backOff : new FixedBackOff(0, 0));
        handler.setBackOffFunction((record, failure) -> {
            if (ConsumerFailures.isInfrastructure(failure)) {
                return untilTheInfrastructureIsBack();
            }
            if (ConsumerFailures.isLostRace(failure)) {
                return afterALostRace();
            }
            if (ConsumerFailures.isUnprocessable(failure)) {
                return new FixedBackOff(0, 0); // a refusal is deterministic: dead-lettered at once
            }
            return null; // null: the binding's back-off
        });
        // Refused is not listed here: a lost race (concurrent-update) is retried; the other refusals
        // get no retry from the back-off function above
        handler.addNotRetryableExceptions(UnprocessableEvent.class);
        handler.setRetryListeners((record, failure, attempt) -> {
            boolean infrastructure = ConsumerFailures.isInfrastructure(failure);
            meters.counter("transfertafel.events.retries", "topic", record.topic(),
                    "cause", infrastructure ? "infrastructure"
                            : ConsumerFailures.isLostRace(failure) ? "lost-race" : "failure").increment();
            if (infrastructure && (attempt == 1 || attempt % 10 == 0)) {
                log.warn("{} partition {} offset {}: infrastructure unavailable (attempt {}), retrying until it is back: {}",
                        record.topic(), record.partition(), record.offset(), attempt, rootMessage(failure));
            }
        });
        container.setCommonErrorHandler(handler);
    }

    /** Retries and dead letters are the container's (above), not the binding's. */
    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    /** The binder's dead-letter topic: its {@code dlq-name} when one is set, else {@code error.<topic>.<group>}. */
    static String deadLetterTopic(TopicPartition resolved, ConsumerRecord<?, ?> record, String group) {
        return resolved != null && resolved.topic() != null
                ? resolved.topic()
                : "error." + record.topic() + "." + group;
    }

    /** Up to 10 more tries, 20 ms doubling to at most 1 s: a race is lost to a change that commits quickly. */
    private static BackOff afterALostRace() {
        ExponentialBackOff backOff = new ExponentialBackOff(20, 2.0);
        backOff.setMaxInterval(1_000);
        backOff.setMaxAttempts(10);
        return backOff;
    }

    private BackOff untilTheInfrastructureIsBack() {
        ExponentialBackOff backOff = new ExponentialBackOff(initialBackOff.toMillis(), 2.0);
        backOff.setMaxInterval(maxBackOff.toMillis());
        return backOff; // no elapsed-time or attempt limit
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getClass().getSimpleName() + ": " + root.getMessage();
        return message.length() > 300 ? message.substring(0, 300) + "..." : message;
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
