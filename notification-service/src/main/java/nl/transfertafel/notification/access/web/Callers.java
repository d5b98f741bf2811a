package nl.transfertafel.notification.access.web;

import java.util.stream.Collectors;
import nl.transfertafel.notification.access.domain.Caller;
import nl.transfertafel.platform.security.Actor;

/** The caller as the access policies see it. */
public final class Callers {

    private Callers() {
    }

    public static Caller of(Actor actor) {
        return new Caller(actor.roles().stream().map(Enum::name).collect(Collectors.toUnmodifiableSet()),
                actor.organisation(), actor.region());
    }
}
