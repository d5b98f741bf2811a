package nl.transfertafel.transfertable.common.application;

import nl.transfertafel.platform.refusal.Refused;
import nl.transfertafel.platform.security.Actor;

/**
 * The claims this service scopes every read and write with, required where they are used: a token
 * without {@code region} or {@code org} gets a 403 problem naming the missing claim, never a 500
 * from a null reaching a query (issue 11 item 17). This holds whatever the platform's
 * {@code Actor} does with missing claims.
 */
public final class ActorClaims {

    public static final String REGION_MISSING = "region-missing";
    public static final String ORGANISATION_MISSING = "organisation-missing";

    private ActorClaims() {
    }

    public static String region(Actor actor) {
        String region = actor.region();
        if (region == null || region.isBlank()) {
            throw Refused.forbidden(REGION_MISSING, "Your sign-in names no region (claim 'region'); everything here is"
                    + " scoped to a region, so ask your administrator to add it to your account.");
        }
        return region;
    }

    public static String organisation(Actor actor) {
        String organisation = actor.organisation();
        if (organisation == null || organisation.isBlank()) {
            throw Refused.forbidden(ORGANISATION_MISSING, "Your sign-in names no organisation (claim 'org'); ask your"
                    + " administrator to add it to your account.");
        }
        return organisation;
    }
}
