package nl.transfertafel.fhirgateway;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.List;
import java.util.stream.Collectors;
import nl.transfertafel.fhirgateway.fhir.Fhir;
import nl.transfertafel.fhirgateway.fhir.Vocabulary;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * HAPI's {@link FhirValidator} as a receiving system would run it: the profile-driven instance
 * validator ({@code hapi-fhir-validation}) against the base R4 StructureDefinitions, value sets and
 * code systems ({@code hapi-fhir-validation-resources-r4}), so invariants, cardinality, required
 * bindings and data types are checked, plus the base R4 XML schema. The gateway's own code systems
 * (diagnosis group, care level, ...) are loaded too, so a code the gateway writes in one of its
 * systems is checked against the CodeSystem it publishes. Errors and fatal messages fail the test;
 * warnings (e.g. the gateway's own extensions, which have no published StructureDefinition) do not.
 */
public final class R4Validation {

    private static final FhirValidator VALIDATOR = validator();

    private R4Validation() {
    }

    private static FhirValidator validator() {
        PrePopulatedValidationSupport published = new PrePopulatedValidationSupport(Fhir.context());
        Vocabulary.PUBLISHED.values().forEach(system -> published.addCodeSystem(system.resource()));
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(Fhir.context()),
                new CommonCodeSystemsTerminologyService(Fhir.context()),
                new InMemoryTerminologyServerValidationSupport(Fhir.context()),
                new SnapshotGeneratingValidationSupport(Fhir.context()),
                published);
        FhirInstanceValidator profiles = new FhirInstanceValidator(chain);
        return Fhir.context().newValidator()
                .setValidateAgainstStandardSchema(true)
                .setValidateAgainstStandardSchematron(false)
                .registerValidatorModule(profiles);
    }

    /** The error and fatal messages for the resource, one line each ({@code location: message}). */
    public static List<String> errors(IBaseResource resource) {
        ValidationResult result = VALIDATOR.validateWithResult(resource);
        return result.getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(m -> m.getLocationString() + ": " + m.getMessage()).collect(Collectors.toList());
    }

    /**
     * Valid R4 for a receiver that does not have the implementation guide whose profiles the resource claims
     * ({@code profilePrefix}, e.g. the subscriptions backport's StructureDefinitions, which are not published on
     * Maven Central): every other error fails; only "this claimed profile could not be found" is left out, so
     * the caller checks that profile's elements itself.
     */
    public static void assertValidWithout(IBaseResource resource, String profilePrefix) {
        List<String> errors = errors(resource).stream().filter(message -> !(message.contains(profilePrefix)
                && (message.contains("could not be found") || message.contains("Failed to retrieve profile")))).toList();
        assertThat(String.join("\n", errors)).as(resource.fhirType() + " is not valid R4:\n" + Fhir.encode(resource)).isEmpty();
    }

    public static void assertValid(IBaseResource resource) {
        String problems = String.join("\n", errors(resource));
        assertThat(problems).as(resource.fhirType() + " is not valid R4:\n" + Fhir.encode(resource)).isEmpty();
    }
}
