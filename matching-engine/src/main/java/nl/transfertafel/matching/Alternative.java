package nl.transfertafel.matching;

/**
 * A runner-up option for one client, for explanations: what the total objective would become if
 * this client were forced onto the option and everybody else were re-optimised.
 *
 * <p>{@link #objectiveDelta()} is exact and never negative for an optimal assignment: 0 means
 * "equally good" (a tie), a positive number is how much worse the whole assignment would be.
 */
public sealed interface Alternative permits Alternative.OtherLine, Alternative.Unplaced {

    /** Increase of the total objective if this option were imposed (&ge; 0). */
    long objectiveDelta();

    /** Place the client on another eligible line (with at least one place). */
    record OtherLine(int line, String lineId, long arcCost, long objectiveDelta) implements Alternative {
    }

    /** Leave the (currently placed) client unplaced. */
    record Unplaced(long objectiveDelta) implements Alternative {
    }
}
