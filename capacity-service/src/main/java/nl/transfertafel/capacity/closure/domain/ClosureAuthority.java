package nl.transfertafel.capacity.closure.domain;

import nl.transfertafel.capacity.common.domain.Acting;
import nl.transfertafel.capacity.common.domain.Decision;
import nl.transfertafel.capacity.common.domain.Refusal;
import nl.transfertafel.capacity.registry.domain.Provider;
import nl.transfertafel.capacity.registry.domain.ProviderAuthority;

/**
 * Who may announce a closure: whoever acts for the provider ({@link ProviderAuthority}: the provider,
 * its representative, ADMIN), and a coordinator of a region the provider works in. The region often
 * hears of a closure first (a bankruptcy, a lost contract) and must be able to start the bulk transfer
 * case before the provider's own desk acts; the region's process owner answers for it (criterion e).
 * A person acts in the region of the token (as for capacity lines, {@code RegionScope}): a provider's
 * desk whose token names a region the provider does not work in is refused too.
 */
public final class ClosureAuthority {

    private ClosureAuthority() {
    }

    /**
     * @param actorRegion the region of the caller's token (null for a token without one: ADMIN only)
     * @param coordinator the caller acts as a coordinator of that region
     */
    public static Decision mayAnnounce(Acting acting, Provider provider, String actorRegion, boolean coordinator) {
        if (!acting.admin() && (actorRegion == null || !provider.regions().contains(actorRegion))) {
            return Decision.refuse(Refusal.forbidden("not-your-region",
                    "provider " + provider.agb() + " does not work in your region"));
        }
        if (coordinator) {
            return Decision.allow();
        }
        return ProviderAuthority.mayMaintain(acting, provider);
    }
}
