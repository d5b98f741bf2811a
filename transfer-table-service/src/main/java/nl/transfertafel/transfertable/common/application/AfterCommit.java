package nl.transfertafel.transfertable.common.application;

import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/** Runs a side effect (e.g. asking for a matching round) only once the surrounding transaction committed. */
public final class AfterCommit {

    private AfterCommit() {
    }

    public static Mono<Void> run(Runnable action) {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .flatMap(manager -> {
                    if (!manager.isSynchronizationActive()) {
                        action.run();
                        return Mono.<Void>empty();
                    }
                    manager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public Mono<Void> afterCommit() {
                            return Mono.fromRunnable(action);
                        }
                    });
                    return Mono.<Void>empty();
                })
                .onErrorResume(NoTransactionException.class, e -> Mono.fromRunnable(action));
    }
}
