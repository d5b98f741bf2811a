package nl.transfertafel.platform.web;

/** One broken rule on one field of a request: what a client needs to fix its input. */
public record FieldViolation(String field, String rule, String message) {
}
