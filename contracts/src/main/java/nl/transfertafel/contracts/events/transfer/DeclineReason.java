package nl.transfertafel.contracts.events.transfer;

/** Why an offer was declined; coded, so the figures can count declines by reason. */
public enum DeclineReason {
    NO_PLACE_AFTER_ALL,
    NOT_SUITABLE_FOR_OUR_CARE,
    CLIENT_PREFERS_TO_WAIT,
    CLIENT_NO_LONGER_NEEDS_CARE,
    TRAVEL_DISTANCE,
    OTHER
}
