package nl.transfertafel.platform.refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefusedTest {

    @Test
    void invalid_input_names_the_field_and_rule_under_the_validation_rule() {
        Refused refused = Refused.invalid("places", "Min", "must be at least 1");

        assertThat(refused.kind()).isEqualTo(Refused.Kind.INVALID);
        assertThat(refused.rule()).isEqualTo("validation");
        assertThat(refused.detail()).isEqualTo("The request breaks 1 rule(s); see errors.");
        assertThat(refused.violations()).containsExactly(new Refused.Violation("places", "Min", "must be at least 1"));
    }

    @Test
    void invalid_input_without_a_field_concerns_the_body() {
        assertThat(Refused.invalid(null, "NotNull", "send a body").violations())
                .containsExactly(new Refused.Violation("body", "NotNull", "send a body"));
    }

    @Test
    void the_violations_are_a_copy_the_caller_cannot_change_afterwards() {
        List<Refused.Violation> violations = new ArrayList<>(List.of(new Refused.Violation("a", "NotNull", "needed")));
        Refused refused = Refused.invalid(violations);
        violations.add(new Refused.Violation("b", "NotNull", "needed"));

        assertThat(refused.violations()).hasSize(1);
        assertThat(refused.detail()).contains("1 rule(s)");
        assertThatThrownBy(() -> refused.violations().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void not_found_does_not_tell_whether_it_exists() {
        Refused refused = Refused.notFound("referral 42");

        assertThat(refused.kind()).isEqualTo(Refused.Kind.NOT_FOUND);
        assertThat(refused.rule()).isEqualTo("not-found");
        assertThat(refused.getMessage()).isEqualTo("referral 42 does not exist or is not yours to see");
        assertThat(refused.violations()).isEmpty();
    }

    @Test
    void forbidden_and_conflict_keep_their_rule_and_detail_verbatim() {
        Refused forbidden = Refused.forbidden("four-eyes", "A second coordinator must approve.");
        Refused conflict = Refused.conflict("version-conflict", "changed meanwhile");

        assertThat(forbidden.kind()).isEqualTo(Refused.Kind.FORBIDDEN);
        assertThat(forbidden.rule()).isEqualTo("four-eyes");
        assertThat(forbidden.detail()).isEqualTo("A second coordinator must approve.");
        assertThat(conflict.kind()).isEqualTo(Refused.Kind.CONFLICT);
        assertThat(conflict.rule()).isEqualTo("version-conflict");
        assertThat(conflict.detail()).isEqualTo("changed meanwhile");
    }

    @Test
    void an_expected_answer_carries_no_stack_trace() {
        assertThat(Refused.conflict("rule", "detail").getStackTrace()).isEmpty();
    }
}
