package nl.transfertafel.platform.audit;

import java.time.Clock;
import java.util.stream.Collectors;
import nl.transfertafel.platform.security.Actor;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The audit trail of access to personal data (the NEN 7513 idea): who, for which organisation,
 * which client (pseudonym, never the BSN), what, when and why. Write it in the same transaction as
 * the read or change it records.
 */
public class AuditLog {

    private final DatabaseClient db;
    private final Clock clock;

    public AuditLog(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Mono<Void> record(Actor actor, String subjectPseudonym, String action, String purpose) {
        var spec = db.sql("""
                        insert into audit_log (occurred_at, actor, organisation, roles, subject_pseudonym, action, purpose)
                        values (:at, :actor, :organisation, :roles, :subject, :action, :purpose)""")
                .bind("at", clock.instant())
                .bind("actor", actor.userId())
                .bind("roles", actor.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .bind("action", action)
                .bind("purpose", purpose);
        spec = actor.organisationIfPresent().isEmpty() ? spec.bindNull("organisation", String.class)
                : spec.bind("organisation", actor.organisationIfPresent().get());
        spec = subjectPseudonym == null ? spec.bindNull("subject", String.class) : spec.bind("subject", subjectPseudonym);
        return spec.then();
    }
}
