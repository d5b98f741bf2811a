package nl.transfertafel.notification.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;

import nl.transfertafel.notification.access.domain.Verdict;
import org.junit.jupiter.api.Test;

class WebhookUrlPolicyTest {

    private final WebhookUrlPolicy production = new WebhookUrlPolicy(false);
    private final WebhookUrlPolicy localStack = new WebhookUrlPolicy(true);

    @Test
    void https_urls_are_accepted() {
        assertThat(production.check("https://ecd.provider.example/hooks/transfertafel").allowed()).isTrue();
    }

    @Test
    void plain_http_is_refused_even_to_localhost_unless_configured() {
        assertThat(production.check("http://provider.example/hook")).isEqualTo(
                Verdict.reject("https-only", "a webhook URL must use https"));
        assertThat(production.check("http://127.0.0.1:9000/hook").allowed()).isFalse();
        assertThat(localStack.check("http://127.0.0.1:9000/hook").allowed()).isTrue();
        assertThat(localStack.check("http://localhost:9000/hook").allowed()).isTrue();
        assertThat(localStack.check("http://provider.example/hook").allowed()).isFalse();
    }

    @Test
    void malformed_or_credential_carrying_urls_are_refused() {
        assertThat(production.check("not a url").allowed()).isFalse();
        assertThat(production.check("https:///nohost").allowed()).isFalse();
        assertThat(production.check("https://user:pw@provider.example/hook").allowed()).isFalse();
        assertThat(production.check("ftp://provider.example/hook").allowed()).isFalse();
    }
}
