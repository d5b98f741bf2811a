package nl.transfertafel.testkit.security;

import java.util.List;

/** A user of the local stack: the subject, roles and the organisation/region claims of their token. */
public record DemoUser(String username, String displayName, List<String> roles, String organisation, String region) {
}
