package nl.transfertafel.notification.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.transfertafel.notification.access.domain.Verdict;
import nl.transfertafel.notification.routing.domain.Channel;
import nl.transfertafel.notification.routing.domain.Recipient;
import org.junit.jupiter.api.Test;

class SubscriptionPolicyTest {

    private final SubscriptionPolicy policy = new SubscriptionPolicy();
    private final Recipient provider = new Recipient.Organisation("22000001");

    @Test
    void by_default_an_organisation_hears_everything_that_concerns_it_in_its_inbox_only() {
        assertThat(policy.channels(provider, "TransferOffered", Map.of())).containsExactly(Channel.INBOX);
    }

    @Test
    void an_explicit_choice_overrides_the_default_either_way() {
        assertThat(policy.channels(provider, "TransferOffered", Map.of(Channel.INBOX, false, Channel.WEBHOOK, true)))
                .containsExactly(Channel.WEBHOOK);
    }

    @Test
    void refusing_an_event_type_never_repeats_the_value_sent() {
        String sent = "123456782" + "x".repeat(500);

        Verdict refused = policy.maySubscribe(provider, sent, List.of(Channel.INBOX));

        assertThat(((Verdict.Rejected) refused).reason()).doesNotContain("123456782").doesNotContain("xxxx")
                .contains("ReferralReceived");
    }

    @Test
    void an_event_type_that_never_concerns_the_recipient_reaches_it_on_no_channel() {
        assertThat(policy.channels(provider, "ScreeningOverdue", Map.of(Channel.INBOX, true))).isEmpty();
        Verdict refused = policy.maySubscribe(provider, "ScreeningOverdue", List.of(Channel.INBOX));
        assertThat(refused).isInstanceOf(Verdict.Rejected.class);
        assertThat(((Verdict.Rejected) refused).rule()).isEqualTo("event-type-not-routed");
        assertThat(policy.maySubscribe(new Recipient.RegionCoordinators("rotterdam"), "ScreeningOverdue",
                List.of(Channel.INBOX)).allowed()).isTrue();
    }

    @Test
    void a_client_is_told_by_e_mail_of_offers_and_completions_only_and_has_no_subscriptions() {
        Recipient client = new Recipient.Client("ref-1");
        assertThat(policy.channels(client, "TransferOffered", Map.of())).containsExactly(Channel.CLIENT_EMAIL);
        assertThat(policy.channels(client, "TransferProposed", Map.of())).isEmpty();
        assertThat(policy.maySubscribe(client, "TransferOffered", List.of(Channel.INBOX)).allowed()).isFalse();
    }

    @Test
    void organisations_cannot_subscribe_to_the_client_channel() {
        assertThat(policy.maySubscribe(provider, "TransferOffered", List.of(Channel.CLIENT_EMAIL)))
                .isInstanceOf(Verdict.Rejected.class);
    }
}
