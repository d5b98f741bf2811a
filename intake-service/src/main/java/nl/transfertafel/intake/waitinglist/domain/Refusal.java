package nl.transfertafel.intake.waitinglist.domain;

/**
 * Why a change to an entry was not made. {@code field} is set when the input was wrong (a
 * validation answer), null when the entry's state does not allow it (a conflict).
 */
public record Refusal(String rule, String field, String message) {

    public static Refusal conflict(String rule, String message) {
        return new Refusal(rule, null, message);
    }

    public static Refusal invalid(String field, String rule, String message) {
        return new Refusal(rule, field, message);
    }

    public boolean isInvalidInput() {
        return field != null;
    }
}
