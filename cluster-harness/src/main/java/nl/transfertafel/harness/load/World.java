package nl.transfertafel.harness.load;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.transfertafel.demo.DemoData;
import nl.transfertafel.demo.DemoDataGenerator;
import nl.transfertafel.demo.DemoOrganisations;

/**
 * Who acts in the load: the demo world the launcher loaded (same seed, so the same regions, providers,
 * offerings and contracts), plus extra GP practices per region so referrals come from many practices.
 * When the token issuer only knows its demo users (the single-JVM stack), the world shrinks to what
 * those users can do: one region, one GP practice, one provider, the two demo coordinators.
 */
public final class World {

    public record Region(String name, List<Identity> gps, List<ProviderActor> providers, Identity coordinatorA,
            Identity coordinatorB, List<DemoData.Client> clientTemplates) {
    }

    public record ProviderActor(Identity identity, DemoData.Provider provider) {
    }

    private final Map<String, Region> regions;
    private final Identity admin;
    private final boolean demoUsersOnly;

    private World(Map<String, Region> regions, Identity admin, boolean demoUsersOnly) {
        this.regions = regions;
        this.admin = admin;
        this.demoUsersOnly = demoUsersOnly;
    }

    /**
     * @param extraGpsPerRegion synthetic GP practices per region on top of the demo ones (AGB 019RRNNN)
     */
    public static World build(long seed, boolean arbitraryClaims, int extraGpsPerRegion) {
        DemoData data = DemoDataGenerator.generate(seed, DemoDataGenerator.Size.demo(), LocalDate.now());
        Map<String, Region> regions = new LinkedHashMap<>();
        if (!arbitraryClaims) {
            String region = DemoOrganisations.REGION;
            DemoData.Provider provider = data.providers().stream()
                    .filter(p -> p.agb().equals(DemoOrganisations.PROVIDER_AGB)).findFirst().orElseThrow();
            regions.put(region, new Region(region,
                    List.of(Identity.demoUser("huisarts", "GP", DemoOrganisations.GP_PRACTICE_AGB, region)),
                    List.of(new ProviderActor(Identity.demoUser("aanbieder", "PROVIDER", provider.agb(), region), provider)),
                    Identity.demoUser("coordinator-a", "COORDINATOR", DemoOrganisations.PROVIDER_AGB, region),
                    Identity.demoUser("coordinator-b", "COORDINATOR", DemoOrganisations.OTHER_PROVIDER_AGB, region),
                    templates(data, region)));
            return new World(regions, Identity.demoUser("beheerder", "ADMIN", "TRANSFERTAFEL", region), true);
        }
        int regionNumber = 0;
        for (String region : data.regions()) {
            regionNumber++;
            List<Identity> gps = new ArrayList<>();
            for (DemoData.GpPractice gp : data.gpPractices()) {
                if (gp.region().equals(region)) {
                    gps.add(Identity.of("harness-gp-" + gp.agb(), "GP", gp.agb(), region));
                }
            }
            for (int i = 1; i <= extraGpsPerRegion; i++) {
                String agb = String.format("019%02d%03d", regionNumber, i);
                gps.add(Identity.of("harness-gp-" + agb, "GP", agb, region));
            }
            List<ProviderActor> providers = data.providers().stream()
                    .filter(p -> p.region().equals(region) && !p.locations().isEmpty() && !p.offerings().isEmpty())
                    .map(p -> new ProviderActor(Identity.of("harness-provider-" + p.agb(), "PROVIDER", p.agb(), region), p))
                    .toList();
            if (providers.size() < 2) {
                continue;
            }
            regions.put(region, new Region(region, gps, providers,
                    Identity.of("harness-coordinator-a-" + region, "COORDINATOR", providers.get(0).provider().agb(), region),
                    Identity.of("harness-coordinator-b-" + region, "COORDINATOR", providers.get(1).provider().agb(), region),
                    templates(data, region)));
        }
        return new World(regions, Identity.of("harness-admin", "ADMIN", "TRANSFERTAFEL", regions.keySet().iterator().next()), false);
    }

    private static List<DemoData.Client> templates(DemoData data, String region) {
        return data.clients().stream().filter(c -> c.region().equals(region)).toList();
    }

    public List<Region> regions() {
        return List.copyOf(regions.values());
    }

    public Region region(String name) {
        return regions.get(name);
    }

    public Identity admin() {
        return admin;
    }

    public boolean demoUsersOnly() {
        return demoUsersOnly;
    }

    /** Every organisation that gets a webhook: the GP practices and providers that act. */
    public List<Identity> webhookOwners() {
        List<Identity> owners = new ArrayList<>();
        regions.values().forEach(r -> {
            owners.addAll(r.gps());
            r.providers().forEach(p -> owners.add(p.identity()));
        });
        return owners;
    }

    /** A GP practice's or provider's identity by organisation code, to answer an offer as it. */
    public Identity actorFor(String organisation, String role) {
        for (Region r : regions.values()) {
            for (Identity gp : r.gps()) {
                if (gp.organisation().equals(organisation) && role.equals("GP")) {
                    return gp;
                }
            }
            for (ProviderActor p : r.providers()) {
                if (p.identity().organisation().equals(organisation) && role.equals("PROVIDER")) {
                    return p.identity();
                }
            }
        }
        return null;
    }
}
