package nl.transfertafel.notification.delivery.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import nl.transfertafel.notification.delivery.domain.Delivery;
import nl.transfertafel.notification.delivery.domain.DeliveryStatus;
import nl.transfertafel.notification.delivery.domain.Language;
import nl.transfertafel.notification.delivery.domain.NoticeTexts;
import nl.transfertafel.notification.delivery.domain.SendOutcome;
import nl.transfertafel.notification.routing.domain.Channel;
import nl.transfertafel.notification.routing.domain.Notice;
import nl.transfertafel.notification.routing.domain.Recipient;
import nl.transfertafel.notification.routing.domain.Subject;
import nl.transfertafel.notification.routing.domain.SubjectKind;
import nl.transfertafel.notification.subscription.domain.SignatureScheme;
import nl.transfertafel.notification.subscription.domain.WebhookEndpoint;
import nl.transfertafel.notification.subscription.domain.WebhookTargetPolicy;
import nl.transfertafel.notification.testing.TestReceiver;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The delivery-time half of the SSRF rule (issue 11 item 11): a webhook host is checked again at
 * delivery, after DNS resolution, and nothing is connected to a private address. The receiver runs
 * on 127.0.0.1; a test resolver plays DNS, pointing a public-looking name at it.
 */
class WebhookTargetsAtDeliveryTest {

    private static final String SECRET = "a-shared-secret-of-the-provider";
    private static final AllowedTargetsResolver.HostLookup POINTS_AT_THIS_MACHINE =
            host -> List.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));

    @Test
    void a_public_name_that_resolves_to_a_private_address_is_not_connected_to() {
        try (TestReceiver receiver = new TestReceiver(SECRET)) {
            String url = "http://hooks.partner.example:" + receiver.port() + "/hook";
            SendOutcome outcome = sender(url, new WebhookTargetPolicy(false), POINTS_AT_THIS_MACHINE).send(delivery()).block();

            assertThat(outcome).isEqualTo(new SendOutcome.Failed(url, "TARGET_NOT_ALLOWED"));
            assertThat(receiver.requests()).isZero();
        }
    }

    @Test
    void the_same_name_is_delivered_where_private_targets_are_allowed() {
        try (TestReceiver receiver = new TestReceiver(SECRET)) {
            String url = "http://hooks.partner.example:" + receiver.port() + "/hook";
            SendOutcome outcome = sender(url, new WebhookTargetPolicy(true), POINTS_AT_THIS_MACHINE).send(delivery()).block();

            assertThat(outcome).isEqualTo(new SendOutcome.Sent(url));
            assertThat(receiver.accepted()).hasSize(1);
        }
    }

    @Test
    void a_private_address_literal_registered_before_the_rule_is_not_connected_to() {
        try (TestReceiver receiver = new TestReceiver(SECRET)) {
            SendOutcome outcome = sender(receiver.url(), new WebhookTargetPolicy(false), POINTS_AT_THIS_MACHINE)
                    .send(delivery()).block();

            assertThat(outcome).isEqualTo(new SendOutcome.Failed(receiver.url(), "TARGET_NOT_ALLOWED"));
            assertThat(receiver.requests()).isZero();
        }
    }

    @Test
    void failures_are_recorded_as_codes_never_as_the_exception_text() throws IOException {
        WebhookTargetPolicy anywhere = new WebhookTargetPolicy(true);
        try (TestReceiver receiver = new TestReceiver(SECRET)) {
            receiver.answer(n -> 503);
            assertThat(sender(receiver.url(), anywhere, POINTS_AT_THIS_MACHINE).send(delivery()).block())
                    .isEqualTo(new SendOutcome.Failed(receiver.url(), "HTTP_5XX"));
            receiver.answer(n -> 404);
            assertThat(sender(receiver.url(), anywhere, POINTS_AT_THIS_MACHINE).send(delivery()).block())
                    .isEqualTo(new SendOutcome.Failed(receiver.url(), "HTTP_4XX"));
        }
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String refused = "http://127.0.0.1:" + closed + "/hook";
        assertThat(sender(refused, anywhere, POINTS_AT_THIS_MACHINE).send(delivery()).block())
                .isEqualTo(new SendOutcome.Failed(refused, "CONNECT_REFUSED"));
        String unknown = "https://no-such-host.partner.example/hook";
        AllowedTargetsResolver.HostLookup nxdomain = host -> {
            throw new UnknownHostException(host + ": Name or service not known");
        };
        assertThat(sender(unknown, new WebhookTargetPolicy(false), nxdomain).send(delivery()).block())
                .isEqualTo(new SendOutcome.Failed(unknown, "DNS_FAILURE"));
    }

    private static WebhookSender sender(String url, WebhookTargetPolicy targets, AllowedTargetsResolver.HostLookup dns) {
        return new WebhookSender(recipient -> Mono.just(new WebhookEndpoint(recipient, url, SECRET,
                legacy())), (delivery, since) -> Mono.just(1L), WebClient.builder(), targets, dns, texts(), Clock.systemUTC(),
                Duration.ofSeconds(30));
    }

    @SuppressWarnings("deprecation")
    private static SignatureScheme legacy() {
        return SignatureScheme.TRANSFERTAFEL_V1;
    }

    private static Delivery delivery() {
        return new Delivery(UUID.randomUUID(), 1, UUID.randomUUID(), "TransferOffered", Instant.now(), "rotterdam",
                new Recipient.Organisation("22000002"), Channel.WEBHOOK, Notice.OFFER_RECEIVED,
                new Subject(SubjectKind.OFFER, UUID.randomUUID().toString()), "https://tt.example/api/v1/offers/x",
                DeliveryStatus.PENDING, 0);
    }

    static NoticeTexts texts() {
        Map<Language, Map<String, String>> templates = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            Properties properties = new Properties();
            try (var in = WebhookTargetsAtDeliveryTest.class.getResourceAsStream(
                    "/templates/notices_" + language.code() + ".properties")) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, String> map = new HashMap<>();
            properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
            templates.put(language, map);
        }
        return new NoticeTexts(templates);
    }
}
