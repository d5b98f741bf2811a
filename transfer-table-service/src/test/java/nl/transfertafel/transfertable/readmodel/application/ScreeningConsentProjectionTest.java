package nl.transfertafel.transfertable.readmodel.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.contracts.events.NewEvent;
import nl.transfertafel.contracts.events.intake.ScreeningConsentChanged;
import nl.transfertafel.transfertable.readmodel.infrastructure.ReadModelRepository;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** What the projector names to its listener when a client's screening consent changes (the SQL is in ScreeningConsentIT). */
class ScreeningConsentProjectionTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    private final List<String> heard = new ArrayList<>();

    @Test
    void withdrawn_consent_that_applied_ends_proposals_in_screening_then_asks_for_a_round() {
        project(false, true);

        assertThat(heard).containsExactly("screeningConsentWithdrawn utrecht ref-1", "waitingListChanged utrecht");
    }

    @Test
    void consent_given_again_only_asks_for_a_round() {
        project(true, true);

        assertThat(heard).containsExactly("waitingListChanged utrecht");
    }

    @Test
    void a_consent_change_that_did_not_apply_is_not_passed_on() {
        project(false, false);

        assertThat(heard).isEmpty();
    }

    private void project(boolean consent, boolean applies) {
        ReadModelRepository repository = new ReadModelRepository(null) {
            @Override
            public Mono<Boolean> recordScreeningConsent(String referralId, boolean given, Instant changedAt, Instant now) {
                assertThat(changedAt).as("ordered by the event's time").isEqualTo(AT);
                return Mono.just(applies);
            }
        };
        var projector = new ReadModelProjector(repository, new Recording(), Clock.fixed(AT.plusSeconds(5), ZoneOffset.UTC));
        var event = EventJson.envelop(new NewEvent(UUID.randomUUID(), AT, "utrecht", "ref-1",
                new ScreeningConsentChanged("ref-1", "pseudonym_ref-1_0123456789", consent)), UUID.randomUUID());
        projector.onReferralEvent(event).block();
    }

    private final class Recording implements ReadModelListener {
        private Mono<Void> heard(String what) {
            return Mono.fromRunnable(() -> heard.add(what));
        }

        @Override
        public Mono<Void> regionChanged(String region) {
            return heard("regionChanged " + region);
        }

        @Override
        public Mono<Void> waitingListChanged(String region) {
            return heard("waitingListChanged " + region);
        }

        @Override
        public Mono<Void> clientLeftWaitingList(String region, String referralId) {
            return heard("clientLeftWaitingList " + referralId);
        }

        @Override
        public Mono<Void> screeningConsentWithdrawn(String region, String referralId) {
            return heard("screeningConsentWithdrawn " + region + " " + referralId);
        }

        @Override
        public Mono<Void> capacityLineGone(String capacityLineId) {
            return heard("capacityLineGone " + capacityLineId);
        }

        @Override
        public Mono<Void> contractAllows(String insurerUzovi, String providerAgb) {
            return heard("contractAllows " + insurerUzovi + " " + providerAgb);
        }

        @Override
        public Mono<Void> reservationEnded(String reservationId) {
            return heard("reservationEnded " + reservationId);
        }

        @Override
        public Mono<Void> reservationHeld(String proposalId, String reservationId) {
            return heard("reservationHeld " + proposalId + " " + reservationId);
        }
    }
}
