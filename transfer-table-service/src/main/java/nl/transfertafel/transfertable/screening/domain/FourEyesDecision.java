package nl.transfertafel.transfertable.screening.domain;

/**
 * The answer of the {@link FourEyesPolicy}: allowed or refused, always with a reason written for the
 * person who asked. The API and the coordinator page show {@link #reason()} verbatim.
 */
public sealed interface FourEyesDecision permits FourEyesDecision.Allowed, FourEyesDecision.Refused {

    String reason();

    /**
     * Allowed; {@code complete} when this decision completes the screening (the approval or the
     * rejection that meets the four-eyes rule), false for a first approval or a pending rejection.
     */
    record Allowed(String reason, int approvalsAfter, boolean complete) implements FourEyesDecision {
    }

    record Refused(Rule rule, String reason) implements FourEyesDecision {
    }

    /** Which part of the rule stops the attempt. */
    enum Rule {
        NOT_A_COORDINATOR("not-a-coordinator"),
        /** The token names no organisation: an unknown organisation never counts as "another" one. */
        ORGANISATION_MISSING("organisation-missing"),
        OTHER_REGION("other-region"),
        OWN_PROPOSAL("own-proposal"),
        ALREADY_APPROVED("already-approved"),
        /** The coordinator whose rejection is pending cannot confirm it. */
        ALREADY_REJECTED("already-rejected"),
        SAME_ORGANISATION_AS_CURRENT_PROVIDER("four-eyes-organisation"),
        /** The mirror rule: not only the receiving provider's coordinators decide a transfer into it. */
        SAME_ORGANISATION_AS_RECEIVING_PROVIDER("four-eyes-receiving-organisation"),
        REASON_REQUIRED("reason-required");

        private final String code;

        Rule(String code) {
            this.code = code;
        }

        /** The problem {@code rule} the API answers with. */
        public String code() {
            return code;
        }
    }
}
