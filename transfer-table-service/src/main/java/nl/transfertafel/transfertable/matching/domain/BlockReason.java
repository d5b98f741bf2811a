package nl.transfertafel.transfertable.matching.domain;

/**
 * Why a client, or a client on a particular capacity line, cannot be proposed. Coded, so
 * explanations, figures and the insurer's list of blocked transfers can count them.
 */
public enum BlockReason {
    // the client as a whole
    NOT_WAITING("the client no longer waits (intake done, in treatment or withdrawn)"),
    NO_SCREENING_CONSENT("the client did not consent to screening by the transfer table"),
    ALREADY_IN_PROPOSAL("the client is already in an active proposal or offer"),
    ALREADY_TRANSFERRED("the client was already transferred through the transfer table"),
    MARKED_NOT_SUITABLE("two coordinators marked the client not suitable for transfer"),
    WAITING_AS_PRECAUTION("the client waits as a precaution and does not want care yet"),
    // the client on one line
    CURRENT_PROVIDER("this is the client's current provider"),
    DIAGNOSIS_GROUP_NOT_OFFERED("the line does not offer the client's diagnosis group"),
    CARE_LEVEL_NOT_OFFERED("the line does not offer the client's care level"),
    PROVIDER_INACTIVE("the provider is not active in the registry"),
    LINE_STALE("the provider has not confirmed this capacity recently (stale)"),
    LINE_EXPIRED("the capacity has expired"),
    LINE_WITHDRAWN("the capacity was withdrawn"),
    NO_FREE_PLACE("no free place left (places left minus places held by open proposals)"),
    AGE_OUT_OF_RANGE("the client's age band is not inside the line's age range"),
    EXCLUDED("the line excludes clients like this one"),
    WAITING_FOR_PREFERENCE("the client waits for a preferred provider and is not urgent"),
    REGISTRATION_STOP("the provider has a registration stop for this diagnosis group"),
    REGISTRATION_PAUSE("the provider has a registration pause for this diagnosis group"),
    REFUSED_RECENTLY("this client and provider were rejected or declined recently"),
    E_HEALTH_NOT_ACCEPTED("the line is e-health and the client does not accept e-health"),
    TOO_FAR("the provider is beyond the client's maximum travel distance"),
    NOT_CONTRACTED("the client's insurer has not contracted this provider"),
    CEILING_REACHED("the provider's budget ceiling with the client's insurer is reached");

    private final String sentence;

    BlockReason(String sentence) {
        this.sentence = sentence;
    }

    public String sentence() {
        return sentence;
    }

    /** Contract and ceiling blocks: insurers must see them (000:570-575). */
    public boolean isContractBlock() {
        return this == NOT_CONTRACTED || this == CEILING_REACHED;
    }
}
