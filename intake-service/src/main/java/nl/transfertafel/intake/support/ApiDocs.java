package nl.transfertafel.intake.support;

/**
 * Texts the OpenAPI annotations of this service share. The problem+json answers themselves are
 * documented by the platform ({@code @ProblemResponses}); these are the rules several endpoints
 * name, each as {@code "rule: when it applies"}.
 */
public final class ApiDocs {

    /** What a waiting-list endpoint does not find (404). */
    public static final String ENTRY = "waiting entry on your list";

    public static final String ILLEGAL_TRANSITION = "illegal-transition: the entry's stage does not allow this";
    public static final String VERSION_MISMATCH = "version-mismatch: expectedVersion is not the entry's current version";
    public static final String CONCURRENT_UPDATE = "concurrent-update: someone changed the entry at the same time";
    public static final String REFERRER_UNCONFIRMED = "referrer-unconfirmed: your practice has not yet confirmed it "
            + "referred this client (onboarded entries)";
    public static final String NOT_IN_FUTURE = "PastOrPresent: the date lies in the future";

    public static final String IDEMPOTENCY_KEY = "Makes the request safe to retry: the same key with the same body "
            + "returns the first answer (header Idempotent-Replayed: true) and registers nothing new; the same key with "
            + "another body is a 409. Keys are per user and organisation, kept 7 days; a UUID is a good choice.";

    private ApiDocs() {
    }
}
