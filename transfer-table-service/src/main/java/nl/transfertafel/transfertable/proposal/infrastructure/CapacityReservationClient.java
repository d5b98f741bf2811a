package nl.transfertafel.transfertable.proposal.infrastructure;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import nl.transfertafel.platform.client.ServiceClients;
import nl.transfertafel.transfertable.proposal.application.ReservationGateway;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Reserves a place at capacity-service ({@code POST /api/v1/reservations}, with this service's own
 * SERVICE token). 201 (or 200 for a repeated proposal id) is a reservation; 409 (rule
 * {@code no-place-left} or {@code line-not-open}) means the place is gone; anything else (also a
 * 404 from a capacity-service without the endpoint, or an outage) is "try again later", so a
 * misconfiguration never ends proposals.
 */
public class CapacityReservationClient implements ReservationGateway {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final WebClient capacity;
    private final Duration timeout;

    public CapacityReservationClient(ServiceClients clients, String capacityUrl, Duration timeout) {
        this.capacity = clients.to(capacityUrl);
        this.timeout = timeout;
    }

    @Override
    public Mono<Outcome> reserve(String capacityLineId, String proposalId) {
        return capacity.post().uri("/api/v1/reservations")
                .contentType(MediaType.APPLICATION_JSON)
                // the proposal id is the idempotency key, end to end (item 16): a retried or timed-out
                // call for the same proposal gets the same reservation, never a second place
                .header(IDEMPOTENCY_KEY, proposalId)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(Map.of("capacityLineId", capacityLineId, "proposalId", proposalId))
                .exchangeToMono(response -> response.bodyToMono(JSON).defaultIfEmpty(Map.of()).map(body -> {
                    HttpStatus status = HttpStatus.resolve(response.statusCode().value());
                    if (response.statusCode().is2xxSuccessful() && body.get("reservationId") != null) {
                        Object expires = body.get("expiresAt");
                        Object left = body.get("placesLeft");
                        return (Outcome) new Reserved(body.get("reservationId").toString(),
                                expires == null ? null : Instant.parse(expires.toString()),
                                left instanceof Number n ? n.intValue() : Integer.MAX_VALUE);
                    }
                    if (status == HttpStatus.CONFLICT) {
                        return new PlaceGone(String.valueOf(body.getOrDefault("rule", status.name().toLowerCase())),
                                String.valueOf(body.getOrDefault("detail", "")));
                    }
                    return new Unavailable("capacity-service answered " + response.statusCode().value());
                }))
                .timeout(timeout)
                .onErrorResume(e -> Mono.just(new Unavailable(e.getClass().getSimpleName() + ": " + e.getMessage())));
    }
}
