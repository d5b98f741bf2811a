package nl.transfertafel.fhirgateway;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.stream.Collectors;
import nl.transfertafel.fhirgateway.fhir.Fhir;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * HAPI's {@link FhirValidator} against the base R4 schema ({@code fhir-single.xsd} from
 * {@code hapi-fhir-validation-resources-r4}): structure, cardinality, value formats and required
 * elements. The profile-driven instance validator ({@code hapi-fhir-validation}) is not served by
 * the Maven repository this project builds from, so invariants and bindings are not checked here.
 */
public final class R4Validation {

    private static final FhirValidator VALIDATOR = Fhir.context().newValidator()
            .setValidateAgainstStandardSchema(true)
            .setValidateAgainstStandardSchematron(false);

    private R4Validation() {
    }

    public static void assertValid(IBaseResource resource) {
        ValidationResult result = VALIDATOR.validateWithResult(resource);
        String problems = result.getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(m -> m.getLocationString() + ": " + m.getMessage()).collect(Collectors.joining("\n"));
        assertThat(problems).as(resource.fhirType() + " is not valid R4:\n" + Fhir.encode(resource)).isEmpty();
    }
}
