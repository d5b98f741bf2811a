package nl.transfertafel.intake.validation.domain;

/**
 * What a client answers to "are you still waiting?" (issue 15 item 1), and which figure of the round
 * it counts in.
 */
public enum Answer {
    /** Still waiting, still wants this care: recorded, the entry's status confirmed, nothing else changes. */
    STILL_WAITING(Counted.STILL_WAITING),
    /** Wants to keep the place but is not ready to start: status WAITING_AS_PRECAUTION. */
    WAITING_AS_PRECAUTION(Counted.CHANGED),
    /** Found help elsewhere or no longer wants care: withdrawn with reason NO_LONGER_NEEDED. */
    NO_LONGER_NEEDED(Counted.WITHDRAWN),
    /** Still waits here, but no longer accepts being screened for a transfer: consent withdrawn. */
    NO_TRANSFER_SCREENING(Counted.CHANGED);

    /** The round figure an answer counts in. */
    public enum Counted { STILL_WAITING, WITHDRAWN, CHANGED }

    private final Counted counted;

    Answer(Counted counted) {
        this.counted = counted;
    }

    public Counted counted() {
        return counted;
    }
}
