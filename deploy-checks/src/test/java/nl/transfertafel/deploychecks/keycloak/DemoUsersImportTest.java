package nl.transfertafel.deploychecks.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import nl.transfertafel.deploychecks.Repository;
import nl.transfertafel.testkit.security.DemoUser;
import nl.transfertafel.testkit.security.DemoUsers;
import org.junit.jupiter.api.Test;

/**
 * Keycloak's optional demo users are exactly the local token issuer's: same names, role, organisation and
 * region, password {@code demo}; so the README's table and walkthrough hold with either provider.
 */
class DemoUsersImportTest {

    @Test
    void the_keycloak_demo_import_holds_every_demo_user_of_the_local_issuer_with_the_same_claims() throws Exception {
        JsonNode file = new ObjectMapper().readTree(Repository.deploy()
                .resolve("keycloak/demo-users/transfertafel-users-0.json").toFile());
        List<String> imported = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (JsonNode user : file.get("users")) {
            imported.add(String.join("|", user.get("username").asText(), user.get("realmRoles").get(0).asText(),
                    user.at("/attributes/org/0").asText(), user.at("/attributes/region/0").asText(),
                    user.at("/credentials/0/value").asText(), String.valueOf(user.get("realmRoles").size())));
        }
        for (DemoUser user : DemoUsers.ALL) {
            expected.add(String.join("|", user.username(), user.roles().get(0), user.organisation(), user.region(), "demo",
                    String.valueOf(user.roles().size())));
        }

        assertThat(imported).containsExactlyInAnyOrderElementsOf(expected);
    }
}
