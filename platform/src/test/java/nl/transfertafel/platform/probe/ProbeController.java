package nl.transfertafel.platform.probe;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.UUID;
import nl.transfertafel.platform.events.Outbox;
import nl.transfertafel.platform.events.TraceContext;
import nl.transfertafel.platform.refusal.Refused;
import nl.transfertafel.platform.security.Actor;
import nl.transfertafel.platform.web.ProblemResponses;
import nl.transfertafel.platform.web.idempotency.IdempotentRequests;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class ProbeController {

    private final IdempotentRequests idempotent;
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Outbox outbox;
    private final TraceContext traces;

    ProbeController(IdempotentRequests idempotent, DatabaseClient db, TransactionalOperator tx, Outbox outbox,
            TraceContext traces) {
        this.traces = traces;
        this.idempotent = idempotent;
        this.db = db;
        this.tx = tx;
        this.outbox = outbox;
    }

    /** A write with its own transaction, made retry-safe by the platform's idempotency keys. */
    @PostMapping("/probe/idempotent")
    Mono<ResponseEntity<Noted>> idempotent(Actor actor,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @Valid @RequestBody Note body) {
        return idempotent.once(actor, key, "POST /probe/idempotent", body, Noted.class, () -> {
            String id = UUID.randomUUID().toString();
            return ProbeGate.enter(body.note())
                    .then(db.sql("insert into probe_state (id, note) values (:id, :note)")
                            .bind("id", id).bind("note", body.note()).then())
                    .then(body.note().startsWith("fail-")
                            ? Mono.error(Refused.conflict("probe-rule", "the probe refuses this note"))
                            : Mono.empty())
                    .thenReturn(ResponseEntity.created(URI.create("/probe/idempotent/" + id)).body(new Noted(id, body.note())))
                    .as(tx::transactional);
        });
    }

    record Note(@NotNull String note, Integer extra) {
    }

    record Noted(String id, String note) {
    }

    @GetMapping({"/probe/admin", "/api/probe/admin"})
    @PreAuthorize("hasRole('ADMIN')")
    Mono<Map<String, Object>> admin(Actor actor) {
        return Mono.just(view(actor));
    }

    @GetMapping("/probe/service")
    @PreAuthorize("hasRole('SERVICE')")
    Mono<Map<String, Object>> service(Actor actor) {
        return Mono.just(view(actor));
    }

    /** A second service-only path, listed for no client: no service token may call it. */
    @GetMapping("/probe/service/unlisted")
    @PreAuthorize("hasRole('SERVICE')")
    Mono<Map<String, Object>> unlistedService(Actor actor) {
        return Mono.just(view(actor));
    }

    /** Everything the token says, absent claims as null (the accessors themselves refuse them). */
    private static Map<String, Object> view(Actor actor) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("userId", actor.userId());
        view.put("roles", actor.roles());
        view.put("organisation", actor.organisationIfPresent().orElse(null));
        view.put("region", actor.regionIfPresent().orElse(null));
        return view;
    }

    /** Scopes by the caller's region and organisation, as most endpoints of the services do. */
    @GetMapping("/probe/scoped")
    Mono<String> scoped(Actor actor) {
        return Mono.just(actor.region() + "/" + actor.organisation());
    }

    /** What the platform sees of the current trace while handling this request. */
    @GetMapping("/probe/trace")
    Mono<Map<String, Object>> trace() {
        return Mono.deferContextual(context -> {
            Map<String, Object> seen = new LinkedHashMap<>();
            Object observation = context.getOrDefault("micrometer.observation", null);
            seen.put("observation", observation == null ? null : observation.getClass().getName());
            seen.put("traceId", traces.traceId(context).orElse(null));
            seen.put("traceparent", traces.traceparent(context).orElse(null));
            return Mono.just(seen);
        });
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProbeController.class);

    /**
     * Takes a client's referral with a BSN, as intake does, and logs that it did (never the BSN), on
     * another thread than the request's: what a structured log line of a request carries.
     */
    @PostMapping("/probe/client")
    Mono<ResponseEntity<Void>> client(@RequestBody ClientReferral body) {
        return Mono.fromRunnable(() -> log.info("probe took a client's referral"))
                .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic())
                .thenReturn(ResponseEntity.accepted().build());
    }

    record ClientReferral(String bsn, String note) {
    }

    /** Writes one event to the outbox in its own transaction, as a service's write would. */
    @PostMapping("/probe/events/{aggregateId}")
    Mono<ResponseEntity<Void>> event(@PathVariable String aggregateId) {
        return outbox.append(ProbeEvents.referralReceived(aggregateId, "rotterdam")).as(tx::transactional)
                .thenReturn(ResponseEntity.accepted().build());
    }

    /** Takes dates of every kind a service's body may carry. */
    @PostMapping("/probe/dated")
    Mono<Dated> dated(@Valid @RequestBody Dated body) {
        return Mono.just(body);
    }

    record Dated(LocalDate birthDate, OffsetDateTime availableFrom, Instant at, List<LocalDate> more) {
    }

    @PostMapping("/probe/validated")
    Mono<Body> validated(@Valid @RequestBody Body body) {
        return Mono.just(body);
    }

    /** Takes scalars of every kind and a list of texts, as the services' bodies do. */
    @PostMapping("/probe/typed")
    Mono<Typed> typed(@RequestBody Typed body) {
        return Mono.just(body);
    }

    record Typed(String name, Boolean urgent, Integer places, Long count, List<String> tags) {
    }

    /** A path variable of a type that must convert (a UUID), as the services' ids do. */
    @PostMapping("/probe/things/{thingId}/withdraw")
    Mono<String> withdraw(@PathVariable UUID thingId) {
        return Mono.just(thingId.toString());
    }

    @PostMapping("/probe/conflict")
    Mono<Void> conflict() {
        return Mono.error(Refused.conflict("probe-rule", "the probe always conflicts"));
    }

    /** Refuses with the named kind, as an application service would. */
    @PostMapping("/probe/refused/{kind}")
    @PreAuthorize("hasRole('GP')")
    @ProblemResponses(invalid = "probe-field: the probe's own input rule", forbidden = "probe-forbidden: not for you",
            notFound = "probe thing", conflict = {"probe-rule: the probe is in the wrong state", "probe-other"})
    Mono<Void> refused(Actor actor, @PathVariable Refused.Kind kind) {
        return Mono.error(switch (kind) {
            case INVALID -> Refused.invalid(List.of(new Refused.Violation("places", "Min", "must be at least 1"),
                    new Refused.Violation("agb", "Pattern", "must be eight digits")));
            case NOT_FOUND -> Refused.notFound("probe thing 42");
            case FORBIDDEN -> Refused.forbidden("probe-forbidden", "the probe is not yours");
            case CONFLICT -> Refused.conflict("probe-rule", "the probe is in the wrong state");
        });
    }

    record Body(@NotNull @Pattern(regexp = "\\d{8}", message = "must be eight digits") String agb,
            @Min(1) int places) {
    }
}
