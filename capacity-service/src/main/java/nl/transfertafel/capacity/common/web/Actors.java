package nl.transfertafel.capacity.common.web;

import nl.transfertafel.capacity.common.domain.Acting;
import nl.transfertafel.capacity.common.domain.RegionScope;
import nl.transfertafel.platform.security.Actor;
import nl.transfertafel.platform.security.Role;

/** The domain's view of the caller. */
public final class Actors {

    private Actors() {
    }

    public static Acting acting(Actor actor) {
        return new Acting(actor.organisation(), actor.has(Role.ADMIN));
    }

    /**
     * The region the caller acts in. A person's token must name one (403 claim-missing otherwise); a
     * service token without a region (and without a person's role) acts for every region.
     */
    public static RegionScope region(Actor actor) {
        boolean serviceOnly = actor.has(Role.SERVICE) && !actor.has(Role.ADMIN) && !actor.has(Role.PROVIDER);
        if (serviceOnly && actor.regionIfPresent().isEmpty()) {
            return RegionScope.everyRegion();
        }
        return RegionScope.of(actor.region());
    }
}
