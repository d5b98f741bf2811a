package nl.transfertafel.platform.web.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.platform.refusal.Refused;
import nl.transfertafel.platform.security.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a write request safe to retry (header {@code Idempotency-Key}, as in the IETF draft
 * "The Idempotency-Key HTTP Header Field"). The key is scoped to the caller (organisation + user of
 * the token). The first request with a key runs and its answer is stored with a hash of the
 * operation and body; a repeat with the same body gets that answer again (header
 * {@code Idempotent-Replayed: true}) without running anything; a repeat with a different body is a
 * 409 problem.
 *
 * <p>The key row is written in the same transaction as the effect (the action's own
 * {@link TransactionalOperator} joins it), so "effect done" and "answer stored" commit together. Two
 * concurrent requests with one key cannot both run: the second insert waits on the primary key
 * until the first transaction ends, then replays the stored answer (or runs, if the first rolled
 * back). A failed action (a problem answer) rolls the key back: nothing happened, so a retry runs.
 * Store only answers without personal data (ids, dates, states): they sit here in plain text.
 */
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** The 409 rule when a key comes back with another request. */
    public static final String KEY_REUSED = "idempotency-key-reused";

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");
    private static final JsonMapper CANONICAL = EventJson.mapper().rebuild()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final Duration retention;

    public IdempotentRequests(DatabaseClient db, TransactionalOperator tx, Clock clock, Duration retention) {
        this.db = db;
        this.tx = tx;
        this.clock = clock;
        this.retention = retention;
    }

    /**
     * Runs {@code action} once per caller and key. Without a key (null) the action simply runs.
     *
     * @param operation names the endpoint (e.g. {@code "POST /api/v1/referrals"}): the same key on
     *                  another operation is a different request, so a 409
     * @param request   the parsed request body (and anything else that makes the request what it is)
     */
    public <T> Mono<ResponseEntity<T>> once(Actor actor, String key, String operation, Object request,
            Class<T> responseType, Supplier<Mono<ResponseEntity<T>>> action) {
        if (key == null) {
            return Mono.defer(action);
        }
        if (!KEY.matcher(key).matches()) {
            return Mono.error(Refused.invalid(HEADER, "IdempotencyKey",
                    "must be 1 to 200 visible ASCII characters (a UUID is a good choice)"));
        }
        String organisation = actor.organisationIfPresent().orElse("");
        String user = actor.userId() == null ? "" : actor.userId();
        return Mono.defer(() -> {
            String hash = fingerprint(operation, request);
            Instant now = clock.instant();
            return claim(organisation, user, key, operation, hash, now)
                    .flatMap(claimed -> claimed
                            ? action.get().flatMap(response -> store(organisation, user, key, response))
                            : replay(organisation, user, key, hash, responseType));
        }).as(tx::transactional);
    }

    /** Deletes keys past their retention; returns how many. */
    public Mono<Long> purgeExpired() {
        return db.sql("delete from idempotency_key where expires_at < :now")
                .bind("now", clock.instant())
                .fetch()
                .rowsUpdated();
    }

    /** True when this request owns the key now: a new key, or an expired one taken over. */
    private Mono<Boolean> claim(String organisation, String user, String key, String operation, String hash,
            Instant now) {
        return db.sql("""
                        insert into idempotency_key (organisation, user_id, idempotency_key, operation, request_hash,
                            created_at, expires_at)
                        values (:organisation, :user, :key, :operation, :hash, :now, :expires)
                        on conflict (organisation, user_id, idempotency_key) do update
                            set operation = excluded.operation, request_hash = excluded.request_hash,
                                response_status = null, response_location = null, response_body = null,
                                created_at = excluded.created_at, expires_at = excluded.expires_at
                            where idempotency_key.expires_at < :now""")
                .bind("organisation", organisation)
                .bind("user", user)
                .bind("key", key)
                .bind("operation", operation)
                .bind("hash", hash)
                .bind("now", now)
                .bind("expires", now.plus(retention))
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0);
    }

    private <T> Mono<ResponseEntity<T>> store(String organisation, String user, String key, ResponseEntity<T> response) {
        URI location = response.getHeaders().getLocation();
        var spec = db.sql("""
                        update idempotency_key set response_status = :status, response_location = :location,
                            response_body = :body
                        where organisation = :organisation and user_id = :user and idempotency_key = :key""")
                .bind("status", response.getStatusCode().value())
                .bind("organisation", organisation)
                .bind("user", user)
                .bind("key", key);
        spec = location == null ? spec.bindNull("location", String.class) : spec.bind("location", location.toString());
        spec = response.getBody() == null ? spec.bindNull("body", String.class)
                : spec.bind("body", EventJson.mapper().writeValueAsString(response.getBody()));
        return spec.then().thenReturn(response);
    }

    private <T> Mono<ResponseEntity<T>> replay(String organisation, String user, String key, String hash,
            Class<T> responseType) {
        return db.sql("""
                        select request_hash, response_status, response_location, response_body from idempotency_key
                        where organisation = :organisation and user_id = :user and idempotency_key = :key""")
                .bind("organisation", organisation)
                .bind("user", user)
                .bind("key", key)
                .map(row -> new Stored(row.get("request_hash", String.class), row.get("response_status", Integer.class),
                        row.get("response_location", String.class), row.get("response_body", String.class)))
                .one()
                .flatMap(stored -> {
                    if (!stored.requestHash().equals(hash)) {
                        return Mono.error(Refused.conflict(KEY_REUSED,
                                "This Idempotency-Key was used before for a different request; use a new key for a new request."));
                    }
                    if (stored.status() == null) {
                        // cannot happen: the key row and its answer commit together
                        return Mono.error(new IllegalStateException("idempotency key without a stored answer"));
                    }
                    ResponseEntity.BodyBuilder answer = ResponseEntity.status(stored.status())
                            .header(REPLAYED_HEADER, "true");
                    if (stored.location() != null) {
                        answer.location(URI.create(stored.location()));
                    }
                    T body = stored.body() == null ? null : EventJson.mapper().readValue(stored.body(), responseType);
                    return Mono.just(answer.body(body));
                });
    }

    static String fingerprint(String operation, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(CANONICAL.writeValueAsBytes(request));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Stored(String requestHash, Integer status, String location, String body) {
    }
}
