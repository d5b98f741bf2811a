package nl.transfertafel.capacity.registry.domain;

import nl.transfertafel.capacity.common.domain.Acting;
import nl.transfertafel.capacity.common.domain.Decision;
import nl.transfertafel.capacity.common.domain.Refusal;

/**
 * Who may act for a provider: ADMIN for every provider, a provider for itself, and a representative
 * for the small practices it represents (criterion k). Used by the registry, capacity announcements
 * and registration stops and pauses alike, so the rule lives in one place.
 */
public final class ProviderAuthority {

    private ProviderAuthority() {
    }

    /** Only ADMIN adds providers to the registry. */
    public static Decision mayRegister(Acting acting) {
        return acting.admin() ? Decision.allow()
                : Decision.refuse(Refusal.forbidden("registry-admin-only", "only an administrator registers providers"));
    }

    public static Decision mayMaintain(Acting acting, Provider provider) {
        return mayActFor(acting, provider.agb(), provider);
    }

    /**
     * May this actor act for the provider with this AGB code? {@code registered} is the registry
     * record, or null when the provider is not registered (then only ADMIN or the provider itself).
     */
    public static Decision mayActFor(Acting acting, String providerAgb, Provider registered) {
        if (acting.admin() || acting.isOrganisation(providerAgb)
                || registered != null && registered.representedBy(acting.organisation())) {
            return Decision.allow();
        }
        return Decision.refuse(Refusal.forbidden("not-your-organisation",
                "you do not act for provider " + providerAgb + " (neither that provider nor its representative)"));
    }

    /** The representative is named by ADMIN or the practice itself, never appointed by the representative. */
    public static Decision mayChangeRepresentative(Acting acting, Provider provider) {
        return acting.admin() || acting.isOrganisation(provider.agb()) ? Decision.allow()
                : Decision.refuse(Refusal.forbidden("representative-change",
                        "only the practice itself or an administrator names its representative"));
    }
}
