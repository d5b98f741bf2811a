package nl.transfertafel.contracts.events;

/** Kafka topics, one per producing context; every record is keyed by region so a region's events stay ordered. */
public final class Topics {
    public static final String INTAKE_REFERRAL_EVENTS = "intake.referral-events";
    public static final String INTAKE_WAITING_EVENTS = "intake.waiting-events";
    public static final String CAPACITY_EVENTS = "capacity.events";
    public static final String TRANSFER_EVENTS = "transfer.events";
    public static final String NOTIFICATION_EVENTS = "notification.events";

    private Topics() {
    }
}
