package nl.transfertafel.notification.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.transfertafel.contracts.events.intake.ValidationEntryFlagged;
import nl.transfertafel.contracts.events.intake.ValidationQuestionAsked;
import nl.transfertafel.contracts.events.intake.ValidationQuestionAsked.Attempt;
import org.junit.jupiter.api.Test;

/** Who hears of a "still waiting?" question and of an unanswered one (issue 15 item 1). */
class ValidationRoutingTest {

    private final RoutingPolicy policy = new RoutingPolicy();

    @Test
    void a_question_goes_to_the_gp_the_client_and_the_supporter_the_client_named() {
        List<Concern> concerns = policy.concerns(occurrence(asked(Attempt.FIRST)), "MEE-Rotterdam");

        assertThat(concerns).extracting(c -> c.recipient().key(), Concern::notice).containsExactly(
                org.assertj.core.groups.Tuple.tuple("01000001", Notice.VALIDATION_QUESTION),
                org.assertj.core.groups.Tuple.tuple("client:ref-1", Notice.CLIENT_VALIDATION_QUESTION),
                org.assertj.core.groups.Tuple.tuple("support:MEE-Rotterdam", Notice.SUPPORTED_CLIENT_VALIDATION));
        assertThat(concerns.get(0).subject()).isEqualTo(new Subject(SubjectKind.REFERRAL, "ref-1"));
        assertThat(concerns.get(1).subject()).isEqualTo(new Subject(SubjectKind.VALIDATION_QUESTION, "question-1"));
    }

    @Test
    void a_reminder_is_a_reminder_to_each_and_without_a_supporter_nobody_else_hears() {
        List<Concern> concerns = policy.concerns(occurrence(asked(Attempt.REMINDER)), null);

        assertThat(concerns).extracting(Concern::notice)
                .containsExactly(Notice.VALIDATION_REMINDER, Notice.CLIENT_VALIDATION_REMINDER);
        assertThat(RoutingPolicy.supportedReferralOf(asked(Attempt.REMINDER))).contains("ref-1");
    }

    @Test
    void a_flag_goes_to_the_gp_and_the_provider_never_to_the_client() {
        List<Concern> concerns = policy.concerns(occurrence(new ValidationEntryFlagged("round-1", "question-1", "ref-1",
                "pseudonym_0123456789abcdef", "01000001", "22000002")), null);

        assertThat(concerns).extracting(c -> c.recipient().key()).containsExactly("01000001", "22000002");
        assertThat(concerns).extracting(Concern::notice).containsOnly(Notice.VALIDATION_UNANSWERED);
    }

    @Test
    void clients_and_supporters_can_be_reached_with_the_question() {
        assertThat(RoutingPolicy.eventTypesFor(Recipient.Kind.CLIENT)).contains("ValidationQuestionAsked");
        assertThat(RoutingPolicy.eventTypesFor(Recipient.Kind.CLIENT_SUPPORT)).contains("ValidationQuestionAsked");
        assertThat(RoutingPolicy.eventTypesFor(Recipient.Kind.ORGANISATION))
                .contains("ValidationQuestionAsked", "ValidationEntryFlagged");
    }

    private static ValidationQuestionAsked asked(Attempt attempt) {
        return new ValidationQuestionAsked("round-1", "question-1", "ref-1", "pseudonym_0123456789abcdef", "01000001",
                "22000002", attempt, Instant.parse("2026-12-20T10:00:00Z"));
    }

    private static Occurrence occurrence(Object payload) {
        return new Occurrence(UUID.randomUUID(), payload.getClass().getSimpleName(), Instant.now(), "rotterdam",
                (nl.transfertafel.contracts.events.EventPayload) payload);
    }
}
