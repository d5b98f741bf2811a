package nl.transfertafel.intake.client.application;

import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Which clients are still on a list, as the contact look-up needs to know: owned here, implemented by
 * the waiting list (which depends on this feature, not the other way round).
 */
public interface ListedClients {

    /** The pseudonym of the referral's client while the referral is not withdrawn; empty otherwise or when unknown. */
    Mono<String> pseudonymIfListed(UUID referralId);
}
