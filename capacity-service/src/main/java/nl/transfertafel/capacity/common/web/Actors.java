package nl.transfertafel.capacity.common.web;

import nl.transfertafel.capacity.common.domain.Acting;
import nl.transfertafel.platform.security.Actor;
import nl.transfertafel.platform.security.Role;

/** The domain's view of the caller. */
public final class Actors {

    private Actors() {
    }

    public static Acting acting(Actor actor) {
        return new Acting(actor.organisation(), actor.has(Role.ADMIN));
    }
}
