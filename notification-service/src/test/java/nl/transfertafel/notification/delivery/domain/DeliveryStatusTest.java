package nl.transfertafel.notification.delivery.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryStatusTest {

    @Test
    void a_pending_delivery_ends_delivered_skipped_or_dead_and_only_a_dead_letter_is_replayed() {
        assertThat(DeliveryStatus.PENDING.canMoveTo(DeliveryStatus.DELIVERED)).isTrue();
        assertThat(DeliveryStatus.PENDING.canMoveTo(DeliveryStatus.SKIPPED)).isTrue();
        assertThat(DeliveryStatus.PENDING.canMoveTo(DeliveryStatus.DEAD)).isTrue();
        assertThat(DeliveryStatus.DEAD.canMoveTo(DeliveryStatus.PENDING)).isTrue();
        assertThat(DeliveryStatus.DELIVERED.canMoveTo(DeliveryStatus.PENDING)).isFalse();
        assertThat(DeliveryStatus.SKIPPED.canMoveTo(DeliveryStatus.PENDING)).isFalse();
        assertThat(DeliveryStatus.DEAD.canMoveTo(DeliveryStatus.DELIVERED)).isFalse();
    }
}
