package nl.transfertafel.notification.delivery.infrastructure;

import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * Tells this instance's dispatcher that deliveries were committed, so it sends them at once instead of
 * at its next poll: {@link #afterCommit()} runs inside the transaction that inserted them (the event
 * consumer's) and calls the listener only once that transaction committed (never for a rollback, whose
 * deliveries do not exist). The poll stays as the fallback for retries that fall due, replays and
 * deliveries another instance inserted but could not send.
 */
public class NewDeliveries {

    private volatile Runnable listener = () -> { };

    /** The one listener: the dispatcher loop's wake-up. */
    public void onCommitted(Runnable listener) {
        this.listener = listener;
    }

    /** Arranges for the listener to run after the current transaction commits (at once when there is none). */
    public Mono<Void> afterCommit() {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .flatMap(transaction -> {
                    if (!transaction.isSynchronizationActive()) {
                        return Mono.fromRunnable(this::notifyListener);
                    }
                    transaction.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public Mono<Void> afterCommit() {
                            return Mono.fromRunnable(NewDeliveries.this::notifyListener);
                        }
                    });
                    return Mono.empty();
                })
                .onErrorResume(org.springframework.transaction.NoTransactionException.class,
                        none -> Mono.fromRunnable(this::notifyListener))
                .then();
    }

    private void notifyListener() {
        listener.run();
    }
}
