package nl.transfertafel.capacity.contract.domain;

import nl.transfertafel.capacity.common.domain.Acting;
import nl.transfertafel.capacity.common.domain.Decision;
import nl.transfertafel.capacity.common.domain.Refusal;

/** An insurer maintains and reads only its own contracts (its UZOVI code in the token); ADMIN all of them. */
public final class ContractAuthority {

    private ContractAuthority() {
    }

    public static Decision mayMaintain(Acting acting, String insurerUzovi) {
        return acting.admin() || acting.isOrganisation(insurerUzovi) ? Decision.allow()
                : Decision.refuse(Refusal.forbidden("not-your-contract",
                        "an insurer maintains only its own contracts (UZOVI " + insurerUzovi + " is not yours)"));
    }
}
