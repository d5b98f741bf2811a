package nl.transfertafel.transfertable.screening.domain;

/**
 * The answer of the {@link FourEyesPolicy}: allowed or refused, always with a reason written for the
 * person who asked. The API and the coordinator page show {@link #reason()} verbatim.
 */
public sealed interface FourEyesDecision permits FourEyesDecision.Allowed, FourEyesDecision.Refused {

    String reason();

    /** Allowed; {@code complete} when this decision completes the screening (second approval, or a rejection). */
    record Allowed(String reason, int approvalsAfter, boolean complete) implements FourEyesDecision {
    }

    record Refused(Rule rule, String reason) implements FourEyesDecision {
    }

    /** Which part of the rule stops the attempt. */
    enum Rule {
        NOT_A_COORDINATOR("not-a-coordinator"),
        OTHER_REGION("other-region"),
        OWN_PROPOSAL("own-proposal"),
        ALREADY_APPROVED("already-approved"),
        SAME_ORGANISATION_AS_CURRENT_PROVIDER("four-eyes-organisation"),
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
