package nl.transfertafel.capacity.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import nl.transfertafel.capacity.common.web.Actors;
import nl.transfertafel.capacity.common.web.Roles;
import nl.transfertafel.capacity.registry.application.RegistryService;
import nl.transfertafel.platform.security.Actor;
import nl.transfertafel.platform.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/providers")
@Tag(name = "Provider registry", description = "Providers, their locations and offerings. ADMIN maintains every "
        + "record; a provider its own; a representative the practices it represents (criterion k). Every change "
        + "emits ProviderProfileChanged.")
public class ProviderController {

    private final RegistryService registry;

    public ProviderController(RegistryService registry) {
        this.registry = registry;
    }

    @PutMapping("/{providerAgb}")
    @PreAuthorize("hasAnyRole('ADMIN','PROVIDER')")
    @Operation(summary = "Register (ADMIN) or replace a provider's record",
            description = "201 when ADMIN registers a new provider, 200 when an existing record was saved.")
    @ProblemResponses(invalid = {"not-self: a provider named as its own representative",
            "known-location: a locationId that is not one of this provider's locations",
            "known-offering: an offeringId that is not one of this provider's offerings",
            "unique: a location or offering named twice", "age-range: minAge above maxAge"},
            forbidden = {
            "not-your-organisation: a provider or representative editing a record it does not act for",
            "representative-change: a representative naming or changing the representative"},
            notFound = "provider (only ADMIN registers new providers)",
            conflict = "version-conflict: the record changed since the version you sent")
    public Mono<ResponseEntity<ProviderView>> put(Actor actor, @PathVariable String providerAgb,
            @Valid @RequestBody ProviderBody body) {
        return registry.put(Actors.acting(actor), providerAgb, body.toDetails())
                .map(saved -> ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(ProviderView.of(saved.provider())));
    }

    @GetMapping("/{providerAgb}")
    @PreAuthorize(Roles.ANY_PERSON)
    @Operation(summary = "A provider's record (any role: organisation data, no personal data)")
    @ProblemResponses(notFound = "provider")
    public Mono<ProviderView> get(@PathVariable String providerAgb) {
        return registry.get(providerAgb).map(ProviderView::of);
    }

    @GetMapping
    @PreAuthorize(Roles.ANY_PERSON)
    @Operation(summary = "Providers working in a region (home region or a location there)",
            description = "Left out region = all regions; representativeAgb lists the practices one organisation represents.")
    public Flux<ProviderView> list(@RequestParam(required = false) String region,
            @RequestParam(required = false) String representativeAgb) {
        return registry.list(region, representativeAgb).map(ProviderView::of);
    }
}
