package nl.transfertafel.notification.delivery.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.transfertafel.notification.delivery.application.ClientContacts.ClientContact;
import nl.transfertafel.notification.delivery.application.ClientEmailSender.ContactLookupException;
import nl.transfertafel.notification.delivery.domain.Language;
import nl.transfertafel.platform.client.ServiceClients;
import nl.transfertafel.platform.client.ServiceTokens;
import nl.transfertafel.testkit.security.LocalTokenIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The adapter against an HTTP peer speaking intake's contact contract, with a real service token
 * from the local token issuer: path, bearer token, the three answers (contact, 404, error).
 */
class IntakeClientContactsTest {

    private LocalTokenIssuer issuer;
    private HttpServer intake;
    private final List<String> seen = new ArrayList<>();
    private IntakeClientContacts contacts;

    @BeforeEach
    void start() throws Exception {
        issuer = LocalTokenIssuer.start(0);
        intake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        intake.createContext("/api/v1/internal/referrals/", exchange -> {
            seen.add(exchange.getRequestURI().getPath() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            String path = exchange.getRequestURI().getPath();
            int status;
            String body = null;
            if (path.equals("/api/v1/internal/referrals/ref-en/contact")) {
                status = 200;
                body = "{\"referralId\":\"ref-en\",\"email\":\"c@mail.example\",\"phone\":null,\"language\":\"en\"}";
            } else if (path.equals("/api/v1/internal/referrals/ref-phone/contact")) {
                status = 200;
                body = "{\"referralId\":\"ref-phone\",\"email\":null,\"phone\":\"0612345678\",\"language\":\"nl\"}";
            } else if (path.equals("/api/v1/internal/referrals/ref-broken/contact")) {
                status = 503;
            } else {
                status = 404;
            }
            if (body == null) {
                exchange.sendResponseHeaders(status, -1);
            } else {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        intake.start();
        ServiceTokens tokens = new ServiceTokens(WebClient.builder(), issuer.tokenUri(), "notification-service",
                LocalTokenIssuer.serviceSecret(), Clock.systemUTC());
        contacts = new IntakeClientContacts(new ServiceClients(WebClient.builder(), tokens),
                "http://127.0.0.1:" + intake.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        intake.stop(0);
        issuer.close();
    }

    @Test
    void a_registered_contact_is_read_with_this_services_own_token() {
        Optional<ClientContact> contact = contacts.find("ref-en").block(Duration.ofSeconds(10));
        assertThat(contact).contains(new ClientContact("c@mail.example", null, Language.EN));
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)).startsWith("/api/v1/internal/referrals/ref-en/contact Bearer ");
    }

    @Test
    void a_phone_only_contact_has_no_e_mail() {
        assertThat(contacts.find("ref-phone").block(Duration.ofSeconds(10)))
                .contains(new ClientContact(null, "0612345678", Language.NL));
    }

    @Test
    void not_found_means_no_contact_and_any_other_error_fails_the_look_up() {
        assertThat(contacts.find("ref-unknown").block(Duration.ofSeconds(10))).isEmpty();
        assertThatThrownBy(() -> contacts.find("ref-broken").block(Duration.ofSeconds(10)))
                .isInstanceOf(ContactLookupException.class).hasMessageContaining("HTTP 503");
    }
}
