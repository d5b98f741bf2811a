package nl.transfertafel.intake.validation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import nl.transfertafel.intake.validation.domain.AttemptLimiter;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class LinkAttemptsTest {

    private final Clock clock = Clock.systemUTC();
    private final LinkAttempts attempts = new LinkAttempts(new AttemptLimiter(3, Duration.ofMinutes(15), 100, clock),
            new AttemptLimiter(5, Duration.ofMinutes(15), 100, clock));

    @Test
    void one_address_trying_many_links_is_stopped() {
        for (int i = 0; i < 5; i++) {
            assertThat(attempts.allowed("token-" + i, from("203.0.113.7"))).isTrue();
        }
        assertThat(attempts.allowed("token-new", from("203.0.113.7"))).isFalse();
        assertThat(attempts.allowed("token-new", from("198.51.100.1"))).as("another address is not affected").isTrue();
    }

    @Test
    void one_link_tried_from_many_addresses_is_stopped() {
        for (int i = 0; i < 3; i++) {
            assertThat(attempts.allowed("the-token", from("192.0.2." + i))).isTrue();
        }
        assertThat(attempts.allowed("the-token", from("192.0.2.99"))).isFalse();
    }

    private static MockServerWebExchange from(String address) {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/answer/x")
                .remoteAddress(new InetSocketAddress(address, 40000)));
    }
}
