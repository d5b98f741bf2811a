package nl.transfertafel.intake.restriction.application;

import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.capacity.RegistrationRestrictionChanged;
import nl.transfertafel.intake.restriction.domain.RegistrationRestriction;
import nl.transfertafel.intake.restriction.infrastructure.RestrictionRepository;
import reactor.core.publisher.Mono;

/**
 * Keeps this service's copy of registration stops and pauses (capacity-service owns them), so a
 * referral can be placed without calling another service. Other capacity events are ignored.
 */
public class RestrictionProjector {

    private final RestrictionRepository restrictions;

    public RestrictionProjector(RestrictionRepository restrictions) {
        this.restrictions = restrictions;
    }

    public Mono<Void> onCapacityEvent(EventEnvelope event) {
        if (!event.is(RegistrationRestrictionChanged.class)) {
            return Mono.empty();
        }
        RegistrationRestrictionChanged changed = event.payloadAs(RegistrationRestrictionChanged.class);
        return restrictions.upsert(event.region(), new RegistrationRestriction(changed.restrictionId(),
                changed.providerAgb(), changed.kind(),
                changed.diagnosisGroup(), changed.active(), changed.from(), changed.until()));
    }
}
