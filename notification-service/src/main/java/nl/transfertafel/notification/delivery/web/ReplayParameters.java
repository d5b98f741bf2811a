package nl.transfertafel.notification.delivery.web;

import java.util.List;
import java.util.Set;
import nl.transfertafel.platform.refusal.Refused;
import org.springframework.util.MultiValueMap;

/**
 * The query parameters of the dead-letter replays, checked strictly: a replay resends messages, so an
 * operator's typo (an unknown parameter, an empty or repeated organisation) is refused with a 400
 * instead of being ignored and replaying something else. Refusals name the parameter and the rule,
 * never the value sent.
 */
final class ReplayParameters {

    static final String ORGANISATION = "organisation";

    private ReplayParameters() {
    }

    /** The one organisation of a replay-all; refuses a missing, empty or repeated one and any other parameter. */
    static String organisation(MultiValueMap<String, String> query) {
        onlyThese(query, ORGANISATION);
        List<String> values = query.get(ORGANISATION);
        if (values == null || values.isEmpty() || values.get(0) == null || values.get(0).isBlank()) {
            throw Refused.invalid(ORGANISATION, "NotBlank", "name the organisation whose dead letters to replay");
        }
        if (values.size() > 1) {
            throw Refused.invalid(ORGANISATION, "single-value", "name one organisation per replay");
        }
        return values.get(0);
    }

    /** Refuses every query parameter but the named ones. */
    static void onlyThese(MultiValueMap<String, String> query, String... allowed) {
        Set<String> known = Set.of(allowed);
        for (String name : query.keySet()) {
            if (!known.contains(name)) {
                throw Refused.invalid("query", "unknown-parameter",
                        known.isEmpty() ? "this operation takes no query parameters"
                                : "this operation takes only: " + String.join(", ", known));
            }
        }
    }
}
