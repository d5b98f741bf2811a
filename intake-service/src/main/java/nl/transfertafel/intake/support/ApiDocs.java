package nl.transfertafel.intake.support;

/** Texts the OpenAPI annotations of this service share, so every endpoint documents its errors alike. */
public final class ApiDocs {

    public static final String PROBLEM = "application/problem+json";

    public static final String BAD_REQUEST = "Invalid input: problem+json whose errors name each field and the rule it broke";
    public static final String UNAUTHORIZED = "No valid bearer token";
    public static final String FORBIDDEN = "The token's role may not call this endpoint (or not for that region)";
    public static final String NOT_FOUND = "Unknown, or not yours to see (the same answer, so existence does not leak)";
    public static final String CONFLICT_VERSION = "The entry's state does not allow this (rule illegal-transition or "
            + "intake-before-treatment), expectedVersion is not the current version (version-mismatch), or someone "
            + "changed it at the same time (concurrent-update)";
    public static final String CONFLICT_IDEMPOTENCY = "The Idempotency-Key was used before with a different body "
            + "(rule idempotency-key-reused)";
    public static final String IDEMPOTENCY_KEY = "Makes the request safe to retry: the same key with the same body "
            + "returns the first answer (header Idempotent-Replayed: true) and registers nothing new; the same key with "
            + "another body is a 409. Keys are per user and organisation, kept 7 days; a UUID is a good choice.";

    private ApiDocs() {
    }
}
