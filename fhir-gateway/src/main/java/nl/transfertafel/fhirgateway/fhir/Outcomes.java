package nl.transfertafel.fhirgateway.fhir;

import java.util.Map;
import nl.transfertafel.fhirgateway.upstream.Upstream;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/**
 * Translates the services' RFC 9457 problem answers into OperationOutcome. Only the problem's
 * title, its rule and each error's field and rule are carried over, never the service's message
 * text or a rejected value: those may quote what the caller sent (a BSN, a name).
 */
public final class Outcomes {

    private Outcomes() {
    }

    public static OperationOutcome single(IssueType type, String diagnostics, String expression) {
        OperationOutcome outcome = new OperationOutcome();
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                .setSeverity(IssueSeverity.ERROR).setCode(type).setDiagnostics(diagnostics);
        if (expression != null) {
            issue.addExpression(expression);
        }
        return outcome;
    }

    /**
     * The refusal for a service's non-2xx answer. {@code fieldPaths} maps the service's field names
     * to the FHIRPath of the element they came from, so the caller sees where in its own resource the
     * problem is.
     */
    public static FhirRefusal fromProblem(Upstream.Answer answer, Map<String, String> fieldPaths) {
        JsonNode problem = answer.body();
        IssueType type = switch (answer.status()) {
            case 400, 422 -> IssueType.INVALID;
            case 401 -> IssueType.LOGIN;
            case 403 -> IssueType.FORBIDDEN;
            case 404 -> IssueType.NOTFOUND;
            case 409, 412 -> IssueType.CONFLICT;
            default -> IssueType.EXCEPTION;
        };
        OperationOutcome outcome = new OperationOutcome();
        JsonNode errors = problem.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            for (JsonNode error : errors) {
                String field = error.path("field").asText("");
                String rule = error.path("rule").asText("");
                OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                        .setSeverity(IssueSeverity.ERROR).setCode(type)
                        .setDiagnostics(field + ": " + rule);
                String path = fieldPaths.get(field);
                if (path != null) {
                    issue.addExpression(path);
                }
            }
        } else {
            String rule = problem.path("rule").asText("");
            String title = problem.path("title").asText(HttpStatus.valueOf(answer.status()).getReasonPhrase());
            outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(type)
                    .setDiagnostics(rule.isEmpty() ? title : title + " (rule " + rule + ")");
        }
        return new FhirRefusal(HttpStatus.valueOf(answer.status() >= 500 ? 502 : answer.status()), outcome);
    }
}
