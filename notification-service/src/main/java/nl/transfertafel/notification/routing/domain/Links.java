package nl.transfertafel.notification.routing.domain;

import java.util.EnumMap;
import java.util.Map;

/**
 * Where the receiver fetches the detail, under its own authorisation, from the service that owns
 * it: a base URL per owning service and a path template per kind of subject ({@code {id}} is
 * replaced by the subject id). Notifications carry this link, never the detail itself.
 */
public final class Links {

    private final Map<SubjectKind, String> templates;

    /** @param templates per subject kind, a full URL template such as {@code http://intake:8081/api/v1/referrals/{id}} */
    public Links(Map<SubjectKind, String> templates) {
        this.templates = new EnumMap<>(templates);
        for (SubjectKind kind : SubjectKind.values()) {
            if (!this.templates.containsKey(kind)) {
                throw new IllegalArgumentException("no link template for " + kind);
            }
        }
    }

    public String to(Subject subject) {
        return templates.get(subject.kind()).replace("{id}", encode(subject.id()));
    }

    private static String encode(String id) {
        return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8);
    }
}
