package nl.transfertafel.capacity.registry.application;

import reactor.core.publisher.Mono;

/**
 * What else must happen when a provider is made inactive, in the registry's own transaction. The
 * registry owns this interface and the feature that holds the provider's capacity implements it
 * (announcement withdraws the open lines), so the registry never depends on announcement, which
 * depends on the registry for locations and offerings (issue 16: no cycle between features).
 */
@FunctionalInterface
public interface InactiveProviders {

    /** Runs inside the caller's transaction. */
    Mono<Void> madeInactive(String providerAgb);
}
