package nl.transfertafel.capacity.closure.domain;

import java.util.Optional;
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
 */
public final class ClosureAuthority {

    private ClosureAuthority() {
    }

    public static Decision mayAnnounce(Acting acting, Provider provider, Optional<String> coordinatorRegion) {
        if (coordinatorRegion.isPresent() && provider.regions().contains(coordinatorRegion.get())) {
            return Decision.allow();
        }
        Decision forProvider = ProviderAuthority.mayMaintain(acting, provider);
        if (forProvider.isAllowed() || coordinatorRegion.isEmpty()) {
            return forProvider;
        }
        return Decision.refuse(Refusal.forbidden("not-your-region",
                "provider " + provider.agb() + " does not work in your region"));
    }
}
