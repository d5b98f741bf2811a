package nl.transfertafel.notification.access.web;

import java.util.function.Supplier;
import java.util.stream.Collectors;
import nl.transfertafel.notification.access.domain.Caller;
import nl.transfertafel.platform.refusal.Refused;
import nl.transfertafel.platform.security.Actor;

/** The caller as the access policies see it. */
public final class Callers {

    private Callers() {
    }

    /**
     * A token without {@code org} or {@code region} gives a caller without them: the access policy
     * then answers 403 {@code no-mailbox} where it needs them (the platform's accessors may refuse
     * a missing claim themselves; here a missing one is a normal case, e.g. an ADMIN without region).
     */
    public static Caller of(Actor actor) {
        return new Caller(actor.roles().stream().map(Enum::name).collect(Collectors.toUnmodifiableSet()),
                claim(actor::organisation), claim(actor::region));
    }

    private static String claim(Supplier<String> accessor) {
        try {
            return accessor.get();
        } catch (Refused missing) {
            return null;
        }
    }
}
