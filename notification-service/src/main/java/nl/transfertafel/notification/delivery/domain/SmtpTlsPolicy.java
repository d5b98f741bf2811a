package nl.transfertafel.notification.delivery.domain;

import java.util.Properties;
import nl.transfertafel.notification.access.domain.Verdict;

/**
 * SMTP credentials only over TLS (issue 11 item 13): where a user name is configured, the
 * connection must be SMTPS ({@code spring.mail.protocol=smtps}) or upgrade with STARTTLS that is
 * <em>required</em> ({@code mail.smtp.starttls.enable} and {@code mail.smtp.starttls.required}),
 * or the service refuses to start. STARTTLS that is only enabled is not enough: a server (or a
 * man in the middle) that does not offer it gets the password in clear. Without credentials (the
 * local stack's SMTP sink) nothing is required.
 */
public final class SmtpTlsPolicy {

    public static final String RULE = "smtp-tls-required";

    private SmtpTlsPolicy() {
    }

    public static Verdict check(String username, String protocol, Properties properties) {
        if (username == null || username.isBlank()) {
            return Verdict.ALLOWED;
        }
        if ("smtps".equalsIgnoreCase(protocol)) {
            return Verdict.ALLOWED;
        }
        if (on(properties, "mail.smtp.starttls.enable") && on(properties, "mail.smtp.starttls.required")) {
            return Verdict.ALLOWED;
        }
        return Verdict.reject(RULE, "SMTP credentials are configured (spring.mail.username) without TLS: set "
                + "SMTP_STARTTLS_REQUIRED=true (spring.mail.properties.mail.smtp.starttls.required) or "
                + "SMTP_PROTOCOL=smtps (spring.mail.protocol), so the password never crosses the network in clear");
    }

    private static boolean on(Properties properties, String key) {
        Object value = properties == null ? null : properties.get(key);
        return value != null && Boolean.parseBoolean(value.toString().trim());
    }
}
