package nl.transfertafel.capacity.announcement.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import nl.transfertafel.capacity.announcement.application.CapacityService;
import nl.transfertafel.platform.security.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/capacity")
@Tag(name = "Capacity", description = "Providers announce free intake places")
public class CapacityController {

    private final CapacityService capacity;

    public CapacityController(CapacityService capacity) {
        this.capacity = capacity;
    }

    @PostMapping
    @PreAuthorize("hasRole('PROVIDER')")
    @Operation(summary = "Announce free capacity", description = "Role PROVIDER; the provider AGB and region come from the token.")
    public Mono<ResponseEntity<Announced>> announce(Actor provider, @Valid @RequestBody AnnouncementBody body) {
        return capacity.announce(provider, body.toCommand())
                .map(line -> ResponseEntity.created(URI.create("/api/v1/capacity/" + line.id()))
                        .body(new Announced(line.id(), line.places())));
    }

    public record Announced(UUID capacityLineId, int places) {
    }
}
