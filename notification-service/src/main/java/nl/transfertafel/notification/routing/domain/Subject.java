package nl.transfertafel.notification.routing.domain;

/** The id of the thing a notification is about; the detail is fetched from its owning service. */
public record Subject(SubjectKind kind, String id) {
    public Subject {
        if (kind == null || id == null || id.isBlank()) {
            throw new IllegalArgumentException("a subject has a kind and an id");
        }
    }
}
