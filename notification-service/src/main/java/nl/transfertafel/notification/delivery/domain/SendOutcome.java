package nl.transfertafel.notification.delivery.domain;

/**
 * What one attempt came to. {@code target} says where it went as the delivery log may show it (a
 * webhook URL, "mailbox", "client of referral ..."), never a client's address; {@code detail} is
 * the error or the reason, equally free of personal data.
 */
public sealed interface SendOutcome {

    String target();

    record Sent(String target) implements SendOutcome {
    }

    /** Nothing to send to (no webhook or mailbox any more, a client without an e-mail address): final, no retry. */
    record Skipped(String target, String detail) implements SendOutcome {
    }

    record Failed(String target, String detail) implements SendOutcome {
    }
}
