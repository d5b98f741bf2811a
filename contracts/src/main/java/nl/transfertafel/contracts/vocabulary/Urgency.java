package nl.transfertafel.contracts.vocabulary;

public enum Urgency {
    REGULAR,
    URGENT
}
