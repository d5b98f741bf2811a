package nl.transfertafel.notification.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;

import nl.transfertafel.notification.access.domain.Verdict;
import org.junit.jupiter.api.Test;

class WebhookUrlPolicyTest {

    private final WebhookUrlPolicy production = new WebhookUrlPolicy(false, new WebhookTargetPolicy(false));
    private final WebhookUrlPolicy localStack = new WebhookUrlPolicy(true, new WebhookTargetPolicy(true));

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

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "https://10.0.0.5/hook", "https://172.16.3.4/hook", "https://192.168.1.1/hook", "https://127.0.0.1/hook",
            "https://127.1/hook", "https://2130706433/hook", "https://0x7f.0.0.1/hook", "https://0177.0.0.1/hook",
            "https://169.254.169.254/latest/meta-data", "https://100.64.0.1/hook", "https://0.0.0.0/hook",
            "https://224.0.0.1/hook", "https://255.255.255.255/hook", "https://[::1]/hook", "https://[::]/hook",
            "https://[fe80::1]/hook", "https://[fd12:3456::1]/hook", "https://[fc00::1]/hook", "https://[ff02::1]/hook",
            "https://[::ffff:10.0.0.1]/hook", "https://[64:ff9b::a00:1]/hook", "https://[2002:a00:1::]/hook",
            "https://localhost/hook", "https://LOCALHOST./hook", "https://api.localhost/hook", "https://intake-service/hook",
            "https://intake-service.transfertafel.svc/hook", "https://intake.transfertafel.svc.cluster.local/hook",
            "https://metadata.google.internal/hook", "https://printer.local/hook"})
    void targets_inside_the_services_network_are_refused_naming_the_rule(String url) {
        // numeric forms such as 127.1 are not even a host to java.net.URI: refused as "url" before the target rule
        assertThat(production.check(url)).isInstanceOfSatisfying(Verdict.Rejected.class,
                rejected -> assertThat(rejected.rule()).isIn(WebhookTargetPolicy.RULE, "url"));
        assertThat(new WebhookTargetPolicy(false).checkHost(java.net.URI.create(url).getRawAuthority()
                .replaceAll(":\\d+$", "")).allowed()).isFalse();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "https://ecd.provider.example/hook", "https://93.184.216.34/hook", "https://[2606:2800:220:1::1]/hook",
            "https://hooks.zorg-aanbieder.nl:8443/transfertafel"})
    void public_hosts_and_addresses_are_accepted(String url) {
        assertThat(production.check(url).allowed()).isTrue();
    }

    @Test
    void the_local_stack_and_tests_may_name_their_own_receivers_on_this_machine() {
        assertThat(localStack.check("http://127.0.0.1:9000/hook").allowed()).isTrue();
        assertThat(localStack.check("https://10.0.0.5/hook").allowed()).isTrue();
    }
}
