package nl.transfertafel.simulator.run;

/**
 * How waiting clients move between providers: not at all, at a periodic meeting, or continuously.
 * Called once a day after the providers have filled their own places from their own lists.
 */
public interface TransferPolicy {

    /** The name on the command line and in the outputs: none, biweekly, weekly, continuous. */
    String name();

    void onDay(RegionRun run, int day);

    /**
     * Whether providers announce a share of their new places to this table first
     * ({@code table.announcedShare}, for {@code table.announceDays}) before their own list gets them.
     */
    default boolean receivesAnnouncements() {
        return true;
    }
}
