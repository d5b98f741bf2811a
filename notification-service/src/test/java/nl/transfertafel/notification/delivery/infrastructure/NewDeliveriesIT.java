package nl.transfertafel.notification.delivery.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.util.concurrent.atomic.AtomicInteger;
import nl.transfertafel.testkit.engines.PostgresServer;
import nl.transfertafel.testkit.engines.SharedEngines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The dispatcher is woken by the commit of a transaction that inserted deliveries (not by its poll), and
 * never by one that rolled back. Before NewDeliveries a delivery waited for the next poll (250 ms).
 */
class NewDeliveriesIT {

    private final AtomicInteger wakes = new AtomicInteger();
    private final NewDeliveries newDeliveries = new NewDeliveries();
    private TransactionalOperator tx;
    private DatabaseClient db;

    @BeforeEach
    void transactions() {
        PostgresServer postgres = SharedEngines.postgres();
        ConnectionFactory connections = ConnectionFactories.get(ConnectionFactoryOptions
                .parse(postgres.r2dbcUrl(postgres.maintenanceDatabase()))
                .mutate()
                .option(ConnectionFactoryOptions.USER, postgres.username())
                .option(ConnectionFactoryOptions.PASSWORD, postgres.password())
                .build());
        tx = TransactionalOperator.create(new R2dbcTransactionManager(connections));
        db = DatabaseClient.create(connections);
        newDeliveries.onCommitted(wakes::incrementAndGet);
    }

    @Test
    void a_committed_delivery_wakes_the_dispatcher_after_the_commit() {
        AtomicInteger wakesBeforeCommit = new AtomicInteger(-1);

        tx.transactional(db.sql("select 1").fetch().rowsUpdated()
                        .then(newDeliveries.afterCommit())
                        .then(Mono.fromRunnable(() -> wakesBeforeCommit.set(wakes.get()))))
                .block();

        assertThat(wakesBeforeCommit).hasValue(0);
        assertThat(wakes).hasValue(1);
    }

    @Test
    void a_rolled_back_delivery_wakes_nobody() {
        assertThatThrownBy(() -> tx.transactional(db.sql("select 1").fetch().rowsUpdated()
                        .then(newDeliveries.afterCommit())
                        .then(Mono.error(new IllegalStateException("the event's effect failed"))))
                .block()).hasMessageContaining("effect failed");

        assertThat(wakes).hasValue(0);
    }

    @Test
    void outside_a_transaction_the_dispatcher_is_woken_at_once() {
        newDeliveries.afterCommit().block();

        assertThat(wakes).hasValue(1);
    }
}
