package nl.transfertafel.notification.delivery.domain;

/**
 * A delivery's lifecycle: {@code PENDING} until it is delivered, skipped (nothing to send to, e.g. a
 * client without an e-mail address) or dead-lettered after the last retry; an administrator's replay
 * puts a dead letter back to {@code PENDING}.
 */
public enum DeliveryStatus {
    PENDING,
    DELIVERED,
    SKIPPED,
    DEAD;

    public boolean canMoveTo(DeliveryStatus next) {
        return switch (this) {
            case PENDING -> next != PENDING;
            case DEAD -> next == PENDING;
            case DELIVERED, SKIPPED -> false;
        };
    }
}
