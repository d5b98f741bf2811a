package nl.transfertafel.capacity.contract.domain;

import static nl.transfertafel.capacity.fixtures.Fixtures.ADMIN;
import static nl.transfertafel.capacity.fixtures.Fixtures.CLOCK;
import static nl.transfertafel.capacity.fixtures.Fixtures.aProvider;
import static nl.transfertafel.capacity.fixtures.Fixtures.assertValid;
import static nl.transfertafel.capacity.fixtures.Fixtures.done;
import static nl.transfertafel.capacity.fixtures.Fixtures.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import nl.transfertafel.capacity.common.domain.Acting;
import nl.transfertafel.capacity.common.domain.Refusal;
import nl.transfertafel.capacity.contract.domain.BudgetCeilingPolicy.Verdict;
import nl.transfertafel.contracts.events.capacity.ContractChanged;
import org.junit.jupiter.api.Test;

class ContractTest {

    private static final Acting INSURER = new Acting("3311", false);
    private static final Acting OTHER_INSURER = new Acting("3343", false);

    private static Contract contract(boolean contracted, Long ceiling, Long used, boolean flag) {
        return new Contract("3311", "22000001", "rotterdam", contracted, ceiling, used, flag, 1);
    }

    @Test
    void no_contract_or_an_uncontracted_provider_blocks_transfers() {
        assertThat(BudgetCeilingPolicy.mayReceive(null)).isEqualTo(Verdict.NOT_CONTRACTED);
        assertThat(BudgetCeilingPolicy.mayReceive(contract(false, null, null, false))).isEqualTo(Verdict.NOT_CONTRACTED);
    }

    @Test
    void the_ceiling_is_reached_when_the_amount_used_meets_it_or_the_insurer_says_so() {
        assertThat(BudgetCeilingPolicy.mayReceive(contract(true, 100_000L, 99_999L, false))).isEqualTo(Verdict.ALLOWED);
        assertThat(BudgetCeilingPolicy.mayReceive(contract(true, 100_000L, 100_000L, false)))
                .isEqualTo(Verdict.CEILING_REACHED);
        assertThat(BudgetCeilingPolicy.mayReceive(contract(true, null, null, true))).isEqualTo(Verdict.CEILING_REACHED);
        assertThat(BudgetCeilingPolicy.mayReceive(contract(true, null, null, false))).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void an_insurer_records_its_own_contract_and_the_event_says_whether_the_ceiling_is_reached() {
        var done = done(Contract.agree("3311", aProvider(), new ContractTerms(true, 500_000L, 510_000L, null, null),
                INSURER, null, CLOCK));

        ContractChanged event = (ContractChanged) done.events().get(0).payload();
        assertThat(event.contracted()).isTrue();
        assertThat(event.ceilingReached()).isTrue();
        assertThat(event.version()).isEqualTo(1);
        assertThat(done.events().get(0).region()).isEqualTo("rotterdam");
        assertValid(done.events());
    }

    @Test
    void an_insurer_cannot_touch_another_insurers_contract_but_an_admin_can() {
        Refusal refusal = refusal(Contract.agree("3311", aProvider(), new ContractTerms(false, null, null, null, null),
                OTHER_INSURER, null, CLOCK));

        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.FORBIDDEN);
        assertThat(refusal.rule()).isEqualTo("not-your-contract");
        assertThat(done(Contract.agree("3311", aProvider(), new ContractTerms(false, null, null, null, null), ADMIN,
                null, CLOCK)).changed()).isTrue();
    }

    @Test
    void a_ceiling_without_a_contract_is_refused() {
        assertThat(refusal(Contract.agree("3311", aProvider(), new ContractTerms(false, 1000L, null, null, null),
                INSURER, null, CLOCK)).rule()).isEqualTo("needs-contract");
    }

    @Test
    void the_same_terms_again_change_nothing_but_a_new_amount_used_is_a_change() {
        Contract current = contract(true, 100_000L, 50_000L, false);

        var same = done(Contract.agree("3311", aProvider(), new ContractTerms(true, 100_000L, 50_000L, false, null),
                INSURER, current, CLOCK));
        var used = done(Contract.agree("3311", aProvider(), new ContractTerms(true, 100_000L, 60_000L, false, 1L),
                INSURER, current, CLOCK));

        assertThat(same.changed()).isFalse();
        assertThat(used.state().version()).isEqualTo(2);
        assertThat(used.state().ceilingReached()).isFalse();
    }

    @Test
    void a_change_on_an_old_version_is_a_conflict() {
        assertThat(refusal(Contract.agree("3311", aProvider(), new ContractTerms(true, null, null, null, 7L), INSURER,
                contract(true, null, null, false), CLOCK)).rule()).isEqualTo("version-conflict");
    }
}
