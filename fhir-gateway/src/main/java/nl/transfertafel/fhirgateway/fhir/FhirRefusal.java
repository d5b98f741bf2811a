package nl.transfertafel.fhirgateway.fhir;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.http.HttpStatus;

/** A request the gateway refuses before or after asking a service; answered as an OperationOutcome. */
public class FhirRefusal extends RuntimeException {

    private final HttpStatus status;
    private final OperationOutcome outcome;

    public FhirRefusal(HttpStatus status, OperationOutcome outcome) {
        super(outcome.getIssueFirstRep().getDiagnostics(), null, false, false);
        this.status = status;
        this.outcome = outcome;
    }

    /** One issue; {@code expression} is the FHIRPath of the element at fault, or null. */
    public FhirRefusal(HttpStatus status, OperationOutcome.IssueType type, String diagnostics, String expression) {
        this(status, Outcomes.single(type, diagnostics, expression));
    }

    public HttpStatus status() {
        return status;
    }

    public OperationOutcome outcome() {
        return outcome;
    }
}
