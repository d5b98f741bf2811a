package nl.transfertafel.testkit.security;

import java.util.List;
import java.util.Optional;
import nl.transfertafel.demo.DemoOrganisations;

/**
 * The demo users of the embedded default: one per kind of actor, and a few more so tenancy and four-eyes
 * cases can be tried by hand (a second GP practice, a second coordinator of coordinator-a's organisation, a
 * coordinator of a third organisation and one of another region, a provider user of a second organisation).
 * Their organisations exist in the demo data ({@link DemoOrganisations}); all but one are in region
 * Rotterdam. deploy/keycloak/demo-users holds the same users for Keycloak.
 */
public final class DemoUsers {

    public static final String REGION = DemoOrganisations.REGION;
    public static final String GP_PRACTICE_AGB = DemoOrganisations.GP_PRACTICE_AGB;
    public static final String PROVIDER_AGB = DemoOrganisations.PROVIDER_AGB;
    public static final String OTHER_PROVIDER_AGB = DemoOrganisations.OTHER_PROVIDER_AGB;
    public static final String INSURER_UZOVI = DemoOrganisations.INSURER_UZOVI;
    public static final String SECOND_GP_PRACTICE_AGB = DemoOrganisations.SECOND_GP_PRACTICE_AGB;
    public static final String THIRD_PROVIDER_AGB = DemoOrganisations.THIRD_PROVIDER_AGB;
    public static final String OTHER_REGION = DemoOrganisations.OTHER_REGION;
    public static final String OTHER_REGION_PROVIDER_AGB = DemoOrganisations.OTHER_REGION_PROVIDER_AGB;

    public static final DemoUser GP = new DemoUser("huisarts", "Huisartsenpraktijk De Singel",
            List.of("GP"), GP_PRACTICE_AGB, REGION);
    public static final DemoUser PROVIDER = new DemoUser("aanbieder", "GGZ Maasstad (intake desk)",
            List.of("PROVIDER"), PROVIDER_AGB, REGION);
    public static final DemoUser COORDINATOR_A = new DemoUser("coordinator-a", "Coördinator A (GGZ Maasstad)",
            List.of("COORDINATOR"), PROVIDER_AGB, REGION);
    public static final DemoUser COORDINATOR_B = new DemoUser("coordinator-b", "Coördinator B (Psychologenpraktijk Kralingen)",
            List.of("COORDINATOR"), OTHER_PROVIDER_AGB, REGION);
    public static final DemoUser INSURER = new DemoUser("verzekeraar", "Zorgverzekeraar Rijnmond (zorgbemiddeling)",
            List.of("INSURER"), INSURER_UZOVI, REGION);
    public static final DemoUser CLIENT_SUPPORT = new DemoUser("clientondersteuner", "Onafhankelijke cliëntondersteuner",
            List.of("CLIENT_SUPPORT"), "COS-RDAM", REGION);
    public static final DemoUser ADMIN = new DemoUser("beheerder", "Functioneel beheer transfertafel",
            List.of("ADMIN"), "TRANSFERTAFEL", REGION);


    /** A GP of another practice: sees none of huisarts's referrals, offers or inbox. */
    public static final DemoUser SECOND_GP = new DemoUser("huisarts-2", "Huisartsenpraktijk rotterdam 2",
            List.of("GP"), SECOND_GP_PRACTICE_AGB, REGION);
    /** A provider user of another organisation: cannot answer offers made to GGZ Maasstad. */
    public static final DemoUser SECOND_PROVIDER = new DemoUser("aanbieder-2", "Psychologenpraktijk Kralingen (intake desk)",
            List.of("PROVIDER"), OTHER_PROVIDER_AGB, REGION);
    /** coordinator-a's colleague: with coordinator-a not enough for four eyes on a client of their own organisation. */
    public static final DemoUser COORDINATOR_A2 = new DemoUser("coordinator-a2", "Coördinator A2 (GGZ Maasstad)",
            List.of("COORDINATOR"), PROVIDER_AGB, REGION);
    /** A coordinator of a third organisation: the independent second pair of eyes when A and B are both involved. */
    public static final DemoUser COORDINATOR_C = new DemoUser("coordinator-c", "Coördinator C (Basis-ggz rotterdam 3)",
            List.of("COORDINATOR"), THIRD_PROVIDER_AGB, REGION);
    /** A coordinator of another region: sees none of Rotterdam's screening queue or proposals. */
    public static final DemoUser COORDINATOR_OTHER_REGION = new DemoUser("coordinator-apeldoorn",
            "Coördinator Apeldoorn-Zutphen (GGZ-instelling apeldoorn-zutphen 1)",
            List.of("COORDINATOR"), OTHER_REGION_PROVIDER_AGB, OTHER_REGION);

    public static final List<DemoUser> ALL = List.of(GP, PROVIDER, COORDINATOR_A, COORDINATOR_B, INSURER,
            CLIENT_SUPPORT, ADMIN, SECOND_GP, SECOND_PROVIDER, COORDINATOR_A2, COORDINATOR_C, COORDINATOR_OTHER_REGION);

    private DemoUsers() {
    }

    public static Optional<DemoUser> find(String username) {
        return ALL.stream().filter(user -> user.username().equals(username)).findFirst();
    }
}
