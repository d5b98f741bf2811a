package nl.transfertafel.intake.support;

/** Page parameters of list endpoints, kept in range rather than refused. */
public final class Paging {

    public static final int MAX_LIMIT = 500;

    private Paging() {
    }

    public static int limit(int requested) {
        return Math.max(1, Math.min(MAX_LIMIT, requested));
    }

    public static int offset(int requested) {
        return Math.max(0, requested);
    }
}
