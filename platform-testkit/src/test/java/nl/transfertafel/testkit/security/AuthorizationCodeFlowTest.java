package nl.transfertafel.testkit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AuthorizationCodeFlowTest {

    private static final String VERIFIER = "a".repeat(43);
    private static final AuthorizationCodeFlow.Request REQUEST = new AuthorizationCodeFlow.Request("coordinator-ui",
            "http://localhost:8083/coordinator/", "s", AuthorizationCodeFlow.s256(VERIFIER), "S256", null, "openid", null);

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void a_code_expires_after_two_minutes() {
        MovableClock clock = new MovableClock();
        AuthorizationCodeFlow flow = new AuthorizationCodeFlow(clock);
        String code = flow.issue(REQUEST, DemoUsers.COORDINATOR_A);

        clock.now = clock.now.plus(AuthorizationCodeFlow.CODE_LIFETIME).plus(Duration.ofSeconds(1));

        assertThat(flow.redeem(code, "coordinator-ui", REQUEST.redirectUri(), VERIFIER))
                .isInstanceOfSatisfying(AuthorizationCodeFlow.Result.Refused.class,
                        refused -> assertThat(refused.failure().description()).contains("expired"));
    }

    @Test
    void a_code_within_its_lifetime_is_granted_for_the_user_who_signed_in() {
        MovableClock clock = new MovableClock();
        AuthorizationCodeFlow flow = new AuthorizationCodeFlow(clock);
        String code = flow.issue(REQUEST, DemoUsers.COORDINATOR_A);
        clock.now = clock.now.plus(Duration.ofSeconds(90));

        assertThat(flow.redeem(code, "coordinator-ui", REQUEST.redirectUri(), VERIFIER))
                .isInstanceOfSatisfying(AuthorizationCodeFlow.Result.Granted.class,
                        granted -> assertThat(granted.grant().user()).isEqualTo(DemoUsers.COORDINATOR_A));
    }

    @Test
    void a_verifier_too_short_for_rfc_7636_is_refused_even_if_its_hash_matched() {
        String shortVerifier = "short";
        AuthorizationCodeFlow flow = new AuthorizationCodeFlow(new MovableClock());
        var request = new AuthorizationCodeFlow.Request("c", "http://127.0.0.1/", null,
                AuthorizationCodeFlow.s256(shortVerifier), "S256", null, "openid", null);
        String code = flow.issue(request, DemoUsers.COORDINATOR_B);

        assertThat(flow.redeem(code, "c", "http://127.0.0.1/", shortVerifier))
                .isInstanceOf(AuthorizationCodeFlow.Result.Refused.class);
    }

    @Test
    void only_loopback_redirects_without_fragment_are_accepted() {
        assertThat(AuthorizationCodeFlow.checkRedirect(REQUEST)).isEmpty();
        assertThat(AuthorizationCodeFlow.checkRedirect(withRedirect("http://127.0.0.1:9/cb"))).isEmpty();
        assertThat(AuthorizationCodeFlow.checkRedirect(withRedirect("https://evil.example/cb"))).isPresent();
        assertThat(AuthorizationCodeFlow.checkRedirect(withRedirect("http://127.0.0.1.evil.example/cb"))).isPresent();
        assertThat(AuthorizationCodeFlow.checkRedirect(withRedirect("javascript:alert(1)"))).isPresent();
        assertThat(AuthorizationCodeFlow.checkRedirect(withRedirect("http://localhost/cb#x"))).isPresent();
        assertThat(AuthorizationCodeFlow.checkRedirect(withRedirect(null))).isPresent();
    }

    private static AuthorizationCodeFlow.Request withRedirect(String uri) {
        return new AuthorizationCodeFlow.Request("c", uri, null, "x", "S256", null, "openid", null);
    }
}
