package nl.transfertafel.notification.delivery.application;

import java.util.List;

/** One page of a listing. */
public record Page<T>(List<T> items, int page, int size, long total) {

    /**
     * The last page number a listing accepts: with at most 500 a page that is 5 million rows deep,
     * far past any inbox or log, and {@code page * size} can never overflow (it did: a negative
     * OFFSET and a 500).
     */
    public static final int MAX_PAGE = 10_000;

    /** The rows to skip, computed in {@code long}. */
    public static long offset(int page, int size) {
        return (long) page * size;
    }
}
