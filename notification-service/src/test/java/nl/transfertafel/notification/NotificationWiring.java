package nl.transfertafel.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import nl.transfertafel.notification.testing.ContactDesk;
import nl.transfertafel.testkit.TestStack;
import nl.transfertafel.testkit.engines.Ports;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * notification-service on the real engines, plus an in-process SMTP server (GreenMail) whose
 * received mail the tests read, and intake's contact endpoint played by {@link ContactDesk}.
 * Retries are fast here (100 ms doubling to 400 ms, 5 attempts) so outages and dead letters take a
 * second, not hours.
 */
public final class NotificationWiring {

    private static GreenMail mail;

    private NotificationWiring() {
    }

    public static synchronized GreenMail mail() {
        if (mail == null) {
            mail = new GreenMail(new ServerSetup(Ports.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(mail::stop, "greenmail-stop"));
        }
        return mail;
    }

    public static void register(DynamicPropertyRegistry registry) {
        TestStack.wiring("notification").forEach((key, value) -> registry.add(key, () -> value));
        // the tests run on the embedded engines with the local token issuer's public secrets
        registry.add("transfertafel.dev-keys", () -> "true");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> mail().getSmtp().getPort());
        registry.add("transfertafel.services.intake-url", () -> ContactDesk.shared().url());
        registry.add("transfertafel.notification.webhook.allow-insecure-localhost", () -> "true");
        // the tests' receivers run on 127.0.0.1
        registry.add("transfertafel.notification.webhook.allow-private-targets", () -> "true");
        registry.add("transfertafel.notification.webhook.timeout", () -> "3s");
        registry.add("transfertafel.notification.delivery.initial-backoff", () -> "100ms");
        registry.add("transfertafel.notification.delivery.max-backoff", () -> "400ms");
        registry.add("transfertafel.notification.delivery.max-attempts", () -> "5");
        registry.add("transfertafel.notification.delivery.poll-interval", () -> "50ms");
        registry.add("transfertafel.notification.inbox.heartbeat", () -> "2s");
    }
}
