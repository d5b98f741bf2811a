package nl.transfertafel.harness.load;

import java.util.List;

/**
 * Who a request acts as: the claims of its token ({@code sub}, {@code roles}, {@code org}, {@code region}),
 * or a demo user of the local token issuer when the issuer cannot mint arbitrary claims.
 */
public record Identity(String subject, List<String> roles, String organisation, String region, String demoUser) {

    public static Identity of(String subject, String role, String organisation, String region) {
        return new Identity(subject, List.of(role), organisation, region, null);
    }

    public static Identity demoUser(String username, String role, String organisation, String region) {
        return new Identity(username, List.of(role), organisation, region, username);
    }
}
