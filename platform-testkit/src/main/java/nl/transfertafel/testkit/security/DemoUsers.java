package nl.transfertafel.testkit.security;

import java.util.List;
import java.util.Optional;
import nl.transfertafel.demo.DemoOrganisations;

/**
 * The demo users of the embedded default, one per kind of actor. Their organisations exist in the
 * demo data ({@link DemoOrganisations}), all in region Rotterdam.
 */
public final class DemoUsers {

    public static final String REGION = DemoOrganisations.REGION;
    public static final String GP_PRACTICE_AGB = DemoOrganisations.GP_PRACTICE_AGB;
    public static final String PROVIDER_AGB = DemoOrganisations.PROVIDER_AGB;
    public static final String OTHER_PROVIDER_AGB = DemoOrganisations.OTHER_PROVIDER_AGB;
    public static final String INSURER_UZOVI = DemoOrganisations.INSURER_UZOVI;

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

    public static final List<DemoUser> ALL = List.of(GP, PROVIDER, COORDINATOR_A, COORDINATOR_B, INSURER,
            CLIENT_SUPPORT, ADMIN);

    private DemoUsers() {
    }

    public static Optional<DemoUser> find(String username) {
        return ALL.stream().filter(user -> user.username().equals(username)).findFirst();
    }
}
