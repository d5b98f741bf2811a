package nl.transfertafel.notification.delivery.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Issue 11 item 13: the service does not start with SMTP credentials and no TLS. */
class SmtpRequiresTlsWithCredentialsTest {

    private final DeliveryConfiguration configuration = new DeliveryConfiguration();

    @Test
    void credentials_without_tls_refuse_to_start() {
        JavaMailSenderImpl sender = smtp("relay-user", "587");
        assertThatThrownBy(() -> configuration.mailTransport(sender, "noreply@example.org"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("smtp-tls-required")
                .hasMessageNotContaining("relay-password");
    }

    @Test
    void starttls_that_is_only_enabled_is_not_enough() {
        JavaMailSenderImpl sender = smtp("relay-user", "587");
        sender.getJavaMailProperties().put("mail.smtp.starttls.enable", "true");
        assertThatThrownBy(() -> configuration.mailTransport(sender, "noreply@example.org"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void credentials_with_required_starttls_or_smtps_start() {
        JavaMailSenderImpl starttls = smtp("relay-user", "587");
        starttls.getJavaMailProperties().put("mail.smtp.starttls.enable", "true");
        starttls.getJavaMailProperties().put("mail.smtp.starttls.required", "true");
        assertThat(configuration.mailTransport(starttls, "noreply@example.org")).isNotNull();

        JavaMailSenderImpl smtps = smtp("relay-user", "465");
        smtps.setProtocol("smtps");
        assertThat(configuration.mailTransport(smtps, "noreply@example.org")).isNotNull();
    }

    @Test
    void the_local_stacks_sink_without_credentials_needs_no_tls() {
        assertThat(configuration.mailTransport(smtp(null, "2525"), "noreply@transfertafel.local")).isNotNull();
        assertThat(configuration.mailTransport(smtp("", "2525"), "noreply@transfertafel.local")).isNotNull();
    }

    private static JavaMailSenderImpl smtp(String user, String port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("smtp.example.org");
        sender.setPort(Integer.parseInt(port));
        sender.setUsername(user);
        sender.setPassword(user == null ? null : "relay-password");
        return sender;
    }
}
