package nl.transfertafel.notification.delivery.application;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import nl.transfertafel.notification.delivery.domain.Delivery;
import nl.transfertafel.notification.delivery.domain.FailureReason;
import nl.transfertafel.notification.delivery.domain.RetryPolicy;
import nl.transfertafel.notification.delivery.domain.SendOutcome;
import nl.transfertafel.notification.delivery.infrastructure.DeliveryRepository;
import nl.transfertafel.notification.routing.domain.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Works the delivery table. Each lane (one recipient on one channel) is served head first: the head
 * is locked, sent and recorded in one transaction, then the next one. A failed head is retried
 * later with backoff and holds its lane until it succeeds or is dead-lettered, so a receiver gets
 * its notifications in order. Lanes are independent and served in parallel.
 *
 * <p>If the service dies mid-send, the transaction rolls back and the delivery stays pending: it
 * is sent again after the restart (at least once on the wire, with the same delivery id so the
 * receiver can drop the repeat), and its record stays the one record of that notification.
 */
public class DeliveryDispatcher {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    /** How one delivery attempt ended, after commit. */
    public record Attempt(Delivery delivery, SendOutcome outcome, boolean deadLettered, Duration retryIn) {
        boolean advancesLane() {
            return !(outcome instanceof SendOutcome.Failed) || deadLettered;
        }
    }

    private final DeliveryRepository deliveries;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final RetryPolicy retry;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final MeterRegistry meters;
    private final DoubleSupplier random;
    private final int lanesPerRound;
    private final int perLanePerRound;
    private final int parallelLanes;
    private final Duration sendTimeout;

    public DeliveryDispatcher(DeliveryRepository deliveries, List<ChannelSender> senders, RetryPolicy retry,
            TransactionalOperator tx, Clock clock, MeterRegistry meters, DoubleSupplier random, int lanesPerRound,
            int perLanePerRound, int parallelLanes, Duration sendTimeout) {
        this.deliveries = deliveries;
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.retry = retry;
        this.tx = tx;
        this.clock = clock;
        this.meters = meters;
        this.random = random;
        this.lanesPerRound = lanesPerRound;
        this.perLanePerRound = perLanePerRound;
        this.parallelLanes = parallelLanes;
        this.sendTimeout = sendTimeout;
    }

    /**
     * How a round went: the attempts it made, and whether it stopped at a limit ({@code lanes-per-round}
     * lanes, or a lane's {@code per-lane-per-round} budget), so that due work may be left for another round.
     */
    public record Round(int attempts, boolean full) {
    }

    /** One round over the due lanes; emits how many attempts were made. */
    public Mono<Integer> dispatchDue() {
        return dispatchRound().map(Round::attempts);
    }

    /** One round over the due lanes. */
    public Mono<Round> dispatchRound() {
        AtomicBoolean budgetUsedUp = new AtomicBoolean();
        AtomicInteger lanes = new AtomicInteger();
        return deliveries.dueLaneHeads(clock.instant(), lanesPerRound)
                .doOnNext(head -> lanes.incrementAndGet())
                .flatMap(head -> workLane(attempt(head), perLanePerRound, budgetUsedUp), parallelLanes)
                .reduce(0, Integer::sum)
                .map(attempts -> new Round(attempts, budgetUsedUp.get() || lanes.get() >= lanesPerRound));
    }

    /**
     * Sends a lane's due deliveries one after the other, each in a transaction of its own (the lane's next
     * head is locked in the transaction that sends it), up to {@code budget} of them.
     */
    private Mono<Integer> workLane(Mono<Attempt> attempt, int budget, AtomicBoolean budgetUsedUp) {
        return attempt
                .flatMap(done -> {
                    if (!done.advancesLane()) {
                        return Mono.just(1);
                    }
                    if (budget <= 1) {
                        budgetUsedUp.set(true);
                        return Mono.just(1);
                    }
                    return workLane(attemptNext(done.delivery().recipient().key(), done.delivery().channel()),
                            budget - 1, budgetUsedUp).map(n -> n + 1);
                })
                .defaultIfEmpty(0);
    }

    /** Sends the next head of a lane, if one is due and nobody else holds it. */
    private Mono<Attempt> attemptNext(String recipient, Channel channel) {
        Mono<Attempt> inTransaction = deliveries.lockNextHead(recipient, channel, clock.instant())
                .flatMap(delivery -> send(delivery).flatMap(outcome -> record(delivery, outcome)));
        return tx.transactional(inTransaction)
                .doOnNext(this::afterCommit);
    }

    /** Sends one delivery if it is still the due head of its lane and nobody else holds it. */
    public Mono<Attempt> attempt(UUID id) {
        Mono<Attempt> inTransaction = deliveries.lockHead(id, clock.instant())
                .flatMap(delivery -> send(delivery).flatMap(outcome -> record(delivery, outcome)));
        return tx.transactional(inTransaction)
                .doOnNext(this::afterCommit);
    }

    private Mono<SendOutcome> send(Delivery delivery) {
        ChannelSender sender = senders.get(delivery.channel());
        if (sender == null) {
            return Mono.just(new SendOutcome.Skipped(delivery.channel().name(), "no sender for this channel"));
        }
        return Mono.defer(() -> sender.send(delivery))
                .timeout(sendTimeout)
                // a code, never an exception's text (it can carry addresses and internal answers)
                .onErrorResume(error -> Mono.just(new SendOutcome.Failed(delivery.channel().name(),
                        error instanceof java.util.concurrent.TimeoutException
                                ? FailureReason.TIMEOUT.name() : FailureReason.SEND_FAILED.name())));
    }

    private Mono<Attempt> record(Delivery delivery, SendOutcome outcome) {
        Instant now = clock.instant();
        int attempts = delivery.attempts() + 1;
        if (outcome instanceof SendOutcome.Sent sent) {
            return deliveries.markDelivered(delivery.id(), attempts, sent.target(), now)
                    .thenReturn(new Attempt(delivery, outcome, false, null));
        }
        if (outcome instanceof SendOutcome.Skipped skipped) {
            return deliveries.markSkipped(delivery.id(), attempts, skipped.target(), skipped.detail(), now)
                    .thenReturn(new Attempt(delivery, outcome, false, null));
        }
        SendOutcome.Failed failed = (SendOutcome.Failed) outcome;
        RetryPolicy.Next next = retry.afterFailure(attempts, now, random.getAsDouble());
        if (next instanceof RetryPolicy.RetryAt at) {
            return deliveries.markRetry(delivery.id(), attempts, failed.target(), failed.detail(), now, at.at())
                    .thenReturn(new Attempt(delivery, outcome, false, at.backoff()));
        }
        return deliveries.markDead(delivery.id(), attempts, failed.target(), failed.detail(), now)
                .thenReturn(new Attempt(delivery, outcome, true, null));
    }

    private void afterCommit(Attempt attempt) {
        Delivery delivery = attempt.delivery();
        String channel = delivery.channel().name();
        String type = delivery.eventType();
        if (attempt.outcome() instanceof SendOutcome.Sent) {
            meters.counter("transfertafel.notifications.sent", "channel", channel, "type", type).increment();
            Timer.builder("transfertafel.notifications.latency")
                    .description("from the event's occurrence to its delivery")
                    .tags("channel", channel, "type", type)
                    .publishPercentileHistogram()
                    .register(meters)
                    .record(Duration.between(delivery.occurredAt(), clock.instant()).abs());
            senders.get(delivery.channel()).afterCommit(delivery);
        } else if (attempt.outcome() instanceof SendOutcome.Skipped skipped) {
            meters.counter("transfertafel.notifications.skipped", "channel", channel, "type", type).increment();
            log.info("delivery {} ({} on {}) skipped: {}", delivery.id(), type, channel, skipped.detail());
        } else {
            meters.counter("transfertafel.notifications.failed", "channel", channel, "type", type).increment();
            if (attempt.deadLettered()) {
                meters.counter("transfertafel.notifications.dead-lettered", "channel", channel, "type", type).increment();
                log.warn("delivery {} ({} on {}) dead-lettered after {} attempts: {}", delivery.id(), type, channel,
                        delivery.attempts() + 1, ((SendOutcome.Failed) attempt.outcome()).detail());
            } else {
                meters.counter("transfertafel.notifications.retried", "channel", channel, "type", type).increment();
                log.info("delivery {} ({} on {}) failed, retry in {} ms: {}", delivery.id(), type, channel,
                        attempt.retryIn().toMillis(), ((SendOutcome.Failed) attempt.outcome()).detail());
            }
        }
    }
}
