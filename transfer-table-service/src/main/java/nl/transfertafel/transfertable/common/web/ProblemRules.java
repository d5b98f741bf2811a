package nl.transfertafel.transfertable.common.web;

/**
 * The refusal rules several endpoints of this service answer with, as {@code @ProblemResponses}
 * entries ({@code "rule: when it applies"}), so the OpenAPI document names them alike everywhere.
 */
public final class ProblemRules {

    // the four-eyes policy (screening.domain.FourEyesPolicy): 403 with the policy's reason as detail
    public static final String NOT_A_COORDINATOR = "not-a-coordinator: the caller is no coordinator";
    public static final String OTHER_REGION = "other-region: a coordinator of another region";
    public static final String OWN_PROPOSAL = "own-proposal: the coordinator who proposed it by hand";
    public static final String ALREADY_APPROVED = "already-approved: the same coordinator approving twice";
    public static final String FOUR_EYES_ORGANISATION = "four-eyes-organisation: a second approval from the "
            + "organisation of the client's current provider, after a first one from it";

    public static final String ORGANISATION_MISSING = "organisation-missing: the token names no organisation";
    public static final String ALREADY_REJECTED = "already-rejected: the coordinator whose rejection is pending"
            + " confirming it";
    public static final String FOUR_EYES_RECEIVING_ORGANISATION = "four-eyes-receiving-organisation: both"
            + " decisions from the receiving provider's organisation";

    public static final String ILLEGAL_TRANSITION = "illegal-transition: the state does not allow this (any more)";
    public static final String CONCURRENT_UPDATE = "concurrent-update: someone else changed it at the same moment";

    private ProblemRules() {
    }
}
