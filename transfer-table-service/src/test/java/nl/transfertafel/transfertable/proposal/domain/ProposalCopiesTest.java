package nl.transfertafel.transfertable.proposal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.transfertafel.contracts.events.transfer.DeclineReason;
import nl.transfertafel.contracts.events.transfer.ProposalScreened;
import nl.transfertafel.contracts.events.transfer.TransferEnded;
import nl.transfertafel.contracts.events.transfer.TransferProposed;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.transfertable.matching.domain.Explanation;
import nl.transfertafel.transfertable.screening.domain.FourEyesPolicy;
import nl.transfertafel.transfertable.screening.domain.Screener;
import org.junit.jupiter.api.Test;

/**
 * Each state change copies the proposal through one mechanism (issue 16): it changes exactly the components
 * it names and keeps every other one, so a swapped or forgotten argument shows up here as a changed field.
 * Every text component of the proposal is distinct, so a swap between any two of them is seen.
 */
class ProposalCopiesTest {

    private static final Instant PROPOSED_AT = Instant.parse("2026-11-23T10:00:00Z");
    private static final Clock LATER = Clock.fixed(Instant.parse("2026-11-24T08:30:00Z"), ZoneOffset.UTC);
    private static final Screener A = new Screener("coordinator-a", Set.of("COORDINATOR"), "22000091", "rotterdam");
    private static final Screener B = new Screener("coordinator-b", Set.of("COORDINATOR"), "22000092", "rotterdam");
    private final FourEyesPolicy policy = new FourEyesPolicy();

    private static Proposal proposed() {
        return Proposal.propose(new Proposal.New("rotterdam", "referral-1", "pseudonym_0123456789abcdef", "line-1",
                "22000002", "22000001", "01000001", "3311", TransferProposed.Origin.MANUAL, "coordinator-z",
                "22000093", DiagnosisGroup.DEPRESSION, Urgency.URGENT,
                new Explanation("urgent", null, List.of(), List.of(), "by hand"), Instant.parse("2026-11-23T09:59:00Z")),
                Clock.fixed(PROPOSED_AT, ZoneOffset.UTC)).proposal();
    }

    private static Proposal changed(Proposal.Outcome outcome) {
        assertThat(outcome).isInstanceOf(Proposal.Changed.class);
        return ((Proposal.Changed) outcome).proposal();
    }

    /** The components whose values differ between the two proposals. */
    private static Set<String> differences(Proposal before, Proposal after) {
        Map<String, Object> changed = new TreeMap<>();
        for (RecordComponent component : Proposal.class.getRecordComponents()) {
            try {
                Object was = component.getAccessor().invoke(before);
                Object is = component.getAccessor().invoke(after);
                if (!java.util.Objects.equals(was, is)) {
                    changed.put(component.getName(), is);
                }
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        return changed.keySet();
    }

    private static void keepsWhatItIs(Proposal before, Proposal after) {
        // who, where, from whom and why never change after the proposal was made
        for (String identity : List.of("proposalId", "region", "referralId", "clientPseudonym", "capacityLineId",
                "receivingProviderAgb", "currentProviderAgb", "referrerAgb", "insurerUzovi", "origin", "proposedBy",
                "proposedByOrganisation", "diagnosisGroup", "urgency", "explanation", "capacityEventAt", "createdAt",
                "version")) {
            assertThat(differences(before, after)).as("a state change kept " + identity).doesNotContain(identity);
        }
    }

    @Test
    void an_approval_changes_the_state_the_approvals_and_the_time_only() {
        Proposal before = proposed();
        Proposal after = changed(before.approve(A, policy, LATER));
        assertThat(differences(before, after)).containsExactlyInAnyOrder("state", "approvals", "updatedAt");
        keepsWhatItIs(before, after);
        assertThat(after.updatedAt()).isEqualTo(LATER.instant());
    }

    @Test
    void a_pending_rejection_records_who_and_why_and_nothing_else() {
        Proposal before = proposed();
        Proposal after = changed(before.reject(A, ProposalScreened.RejectionReason.PROVIDER_NOT_SUITABLE, policy, LATER));
        assertThat(differences(before, after)).containsExactlyInAnyOrder("pendingRejection", "rejectionReason",
                "updatedAt");
        assertThat(after.pendingRejection().userId()).isEqualTo("coordinator-a");
        assertThat(after.rejectionReason()).isEqualTo(ProposalScreened.RejectionReason.PROVIDER_NOT_SUITABLE);
        assertThat(after.state()).isEqualTo(ProposalState.PROPOSED);
    }

    @Test
    void an_approval_after_a_pending_rejection_clears_it_in_the_same_copy() {
        Proposal pending = changed(proposed().reject(A, ProposalScreened.RejectionReason.PROVIDER_NOT_SUITABLE, policy,
                LATER));
        Proposal after = changed(pending.approve(B, policy, LATER));
        assertThat(after.pendingRejection()).isNull();
        assertThat(after.rejectionReason()).isNull();
        assertThat(after.approvals()).extracting(a -> a.userId()).containsExactly("coordinator-b");
        keepsWhatItIs(pending, after);
    }

    @Test
    void an_offer_sets_its_reservation_and_expiry_and_keeps_the_rest() {
        Proposal approved = changed(changed(proposed().approve(A, policy, LATER)).approve(B, policy, LATER));
        Instant expires = Instant.parse("2026-11-27T08:30:00Z");
        Proposal offered = changed(approved.offer("reservation-7", expires, LATER));
        assertThat(differences(approved, offered)).containsExactlyInAnyOrder("state", "reservationId",
                "offerExpiresAt");
        assertThat(offered.reservationId()).isEqualTo("reservation-7");
        assertThat(offered.offerExpiresAt()).isEqualTo(expires);
        keepsWhatItIs(approved, offered);
    }

    @Test
    void the_providers_acceptance_names_the_handover_contact_only() {
        Proposal offered = offered();
        Proposal accepted = changed(offered.answerAsProvider(true, null, "intake desk, 010-1234567", LATER));
        assertThat(differences(offered, accepted)).containsExactlyInAnyOrder("state", "handoverContact");
        assertThat(accepted.handoverContact()).isEqualTo("intake desk, 010-1234567");
    }

    @Test
    void a_decline_ends_with_outcome_and_reason_and_keeps_the_reservation_to_release() {
        Proposal offered = offered();
        Proposal declined = changed(offered.answerForClient(false, DeclineReason.TRAVEL_DISTANCE, LATER));
        assertThat(differences(offered, declined)).containsExactlyInAnyOrder("state", "endOutcome", "declineReason");
        assertThat(declined.endOutcome()).isEqualTo(TransferEnded.Outcome.DECLINED_BY_CLIENT);
        assertThat(declined.declineReason()).isEqualTo(DeclineReason.TRAVEL_DISTANCE);
        assertThat(declined.reservationId()).isEqualTo("reservation-7");
        keepsWhatItIs(offered, declined);
    }

    @Test
    void a_known_reservation_is_recorded_without_touching_state_or_expiry() {
        Proposal approved = changed(changed(proposed().approve(A, policy, LATER)).approve(B, policy, LATER));
        Proposal known = approved.withKnownReservation("reservation-9");
        assertThat(differences(approved, known)).containsExactly("reservationId");
    }

    @Test
    void every_text_component_of_the_fixture_is_distinct_so_a_swap_would_show() {
        Proposal p = changed(offered().answerAsProvider(true, null, "intake desk, 010-1234567", LATER));
        List<Object> texts = Arrays.stream(Proposal.class.getRecordComponents())
                .filter(c -> c.getType() == String.class)
                .map(c -> {
                    try {
                        return c.getAccessor().invoke(p);
                    } catch (ReflectiveOperationException e) {
                        throw new AssertionError(e);
                    }
                })
                .toList();
        assertThat(texts).doesNotContainNull().doesNotHaveDuplicates();
    }

    private Proposal offered() {
        Proposal approved = changed(changed(proposed().approve(A, policy, LATER)).approve(B, policy, LATER));
        return changed(approved.offer("reservation-7", Instant.parse("2026-11-27T08:30:00Z"), LATER));
    }
}
