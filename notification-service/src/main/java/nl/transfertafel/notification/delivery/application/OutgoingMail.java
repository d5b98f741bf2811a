package nl.transfertafel.notification.delivery.application;

import java.util.Map;

/** A plain-text e-mail as the mail port sends it. */
public record OutgoingMail(String to, String subject, String body, Map<String, String> headers) {
}
