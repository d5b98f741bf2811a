package nl.transfertafel.notification.routing.infrastructure;

import java.time.Clock;
import java.util.Optional;
import nl.transfertafel.notification.routing.application.ClientSupportDirectory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** The {@code client_support} table: referral id → the client-support organisation named for its client. */
public class ClientSupportRepository implements ClientSupportDirectory {

    private final DatabaseClient db;
    private final Clock clock;

    public ClientSupportRepository(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Mono<Void> record(String referralId, String organisation) {
        if (organisation == null || organisation.isBlank()) {
            return db.sql("delete from client_support where referral_id = :id").bind("id", referralId).then();
        }
        return db.sql("""
                        insert into client_support (referral_id, organisation, updated_at) values (:id, :org, :at)
                        on conflict (referral_id) do update set organisation = excluded.organisation,
                            updated_at = excluded.updated_at""")
                .bind("id", referralId)
                .bind("org", organisation)
                .bind("at", clock.instant())
                .then();
    }

    @Override
    public Mono<Optional<String>> organisationFor(String referralId) {
        return db.sql("select organisation from client_support where referral_id = :id")
                .bind("id", referralId)
                .map(row -> row.get("organisation", String.class))
                .one()
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }
}
