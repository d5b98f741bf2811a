package nl.transfertafel.intake.client.domain;

/** How to reach a client (for notifications): only what a notifier needs, nothing else. */
public record ClientContact(String email, String phone, ClientDetails.Language language) {

    @Override
    public String toString() {
        return "ClientContact[redacted]";
    }
}
