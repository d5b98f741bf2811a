package nl.transfertafel.fhirgateway.conformance;

import java.util.Date;
import nl.transfertafel.fhirgateway.fhir.Fhir;
import nl.transfertafel.fhirgateway.fhir.FhirRefusal;
import nl.transfertafel.fhirgateway.fhir.Vocabulary;
import nl.transfertafel.fhirgateway.subscription.SubscriptionMapping;
import nl.transfertafel.fhirgateway.subscription.SubscriptionTopics;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.SystemRestfulInteraction;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET /fhir/metadata} and the published code systems. The CapabilityStatement names exactly
 * the interactions and search parameters {@code FhirRoutes} serves; {@code FhirGatewayIT} checks
 * each listed interaction against the running gateway.
 */
@Component
public class ConformanceHandler {

    /** The backport's way to list the topics a server supports on its Subscription resource. */
    static final String BACKPORT_TOPIC_CANONICAL =
            "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/capabilitystatement-subscriptiontopic-canonical";

    public Mono<ServerResponse> metadata(ServerRequest request) {
        return Fhir.ok(capabilityStatement());
    }

    public Mono<ServerResponse> codeSystem(ServerRequest request) {
        Vocabulary.System system = Vocabulary.PUBLISHED.get(request.pathVariable("id"));
        if (system == null) {
            return Mono.error(new FhirRefusal(HttpStatus.NOT_FOUND, OperationOutcome.IssueType.NOTFOUND,
                    "no CodeSystem with this id", null));
        }
        return Fhir.ok(system.resource());
    }

    public Mono<ServerResponse> codeSystems(ServerRequest request) {
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.SEARCHSET);
        String url = request.queryParam("url").orElse(null);
        Vocabulary.PUBLISHED.values().stream().filter(s -> url == null || url.equals(s.url()))
                .forEach(s -> bundle.addEntry().setFullUrl(s.url()).setResource(s.resource())
                        .getSearch().setMode(Bundle.SearchEntryMode.MATCH));
        bundle.setTotal(bundle.getEntry().size());
        return Fhir.ok(bundle);
    }

    public static CapabilityStatement capabilityStatement() {
        CapabilityStatement statement = new CapabilityStatement();
        statement.setUrl(Vocabulary.BASE + "/CapabilityStatement/fhir-gateway");
        statement.setName("TransfertafelFhirGateway");
        statement.setTitle("Transfertafel FHIR gateway");
        statement.setStatus(PublicationStatus.ACTIVE);
        statement.setDate(new Date(0));
        statement.setPublisher("Transfertafel");
        statement.setDescription("FHIR R4 facade in front of the Transfertafel services: GP referrals, the GP's worklist, "
                + "transfer offers as Tasks, capacity as Slots, notifications as Subscriptions. Authorisation is the services' own (bearer token).");
        statement.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        statement.getImplementation().setDescription("fhir-gateway");
        statement.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        statement.addFormat("application/fhir+json");
        CapabilityStatementRestComponent rest = statement.addRest();
        rest.setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.getSecurity().setDescription("OAuth2 bearer token from the region's identity provider, passed on to the services.");
        rest.addInteraction().setCode(SystemRestfulInteraction.TRANSACTION)
                .setDocumentation("Patient + ServiceRequest: a GP referral");

        CapabilityStatementRestResourceComponent serviceRequest = resource(rest, "ServiceRequest",
                TypeRestfulInteraction.CREATE, TypeRestfulInteraction.READ, TypeRestfulInteraction.SEARCHTYPE);
        serviceRequest.setConditionalCreate(true);
        serviceRequest.addSearchParam().setName("requester").setType(Enumerations.SearchParamType.TOKEN)
                .setDocumentation("the referring practice's AGB (system " + Vocabulary.AGB + ")");
        serviceRequest.addSearchParam().setName("_count").setType(Enumerations.SearchParamType.NUMBER);

        CapabilityStatementRestResourceComponent task = resource(rest, "Task",
                TypeRestfulInteraction.READ, TypeRestfulInteraction.UPDATE, TypeRestfulInteraction.SEARCHTYPE);
        task.addSearchParam().setName("focus").setType(Enumerations.SearchParamType.REFERENCE);
        task.addSearchParam().setName("owner").setType(Enumerations.SearchParamType.TOKEN)
                .setDocumentation("the receiving provider's AGB");
        task.addSearchParam().setName("status").setType(Enumerations.SearchParamType.TOKEN);

        CapabilityStatementRestResourceComponent slot = resource(rest, "Slot",
                TypeRestfulInteraction.CREATE, TypeRestfulInteraction.READ, TypeRestfulInteraction.SEARCHTYPE);
        slot.addSearchParam().setName("schedule").setType(Enumerations.SearchParamType.REFERENCE)
                .setDocumentation("Schedule/<provider AGB>");
        slot.addSearchParam().setName("status").setType(Enumerations.SearchParamType.TOKEN);

        CapabilityStatementRestResourceComponent subscription = resource(rest, "Subscription",
                TypeRestfulInteraction.CREATE, TypeRestfulInteraction.READ, TypeRestfulInteraction.SEARCHTYPE,
                TypeRestfulInteraction.DELETE);
        subscription.setDocumentation("R4 topic-based backport, rest-hook only, thin notifications (the pipeline's signed "
                + "JSON webhook body); one Subscription per topic and organisation, id = the topic id; the channel header "
                + "'" + SubscriptionMapping.SECRET_HEADER + ": <secret>' sets the key deliveries are signed with");
        for (SubscriptionTopics.Topic topic : SubscriptionTopics.ALL.values()) {
            subscription.addExtension(BACKPORT_TOPIC_CANONICAL, new CanonicalType(topic.url()));
        }

        resource(rest, "Schedule", TypeRestfulInteraction.READ).setDocumentation("id = the provider's AGB");
        resource(rest, "HealthcareService", TypeRestfulInteraction.READ).setDocumentation("id = the provider's AGB");

        CapabilityStatementRestResourceComponent codeSystem = resource(rest, "CodeSystem",
                TypeRestfulInteraction.READ, TypeRestfulInteraction.SEARCHTYPE);
        codeSystem.addSearchParam().setName("url").setType(Enumerations.SearchParamType.URI);
        return statement;
    }

    private static CapabilityStatementRestResourceComponent resource(CapabilityStatementRestComponent rest, String type,
            TypeRestfulInteraction... interactions) {
        CapabilityStatementRestResourceComponent resource = rest.addResource().setType(type);
        for (TypeRestfulInteraction interaction : interactions) {
            resource.addInteraction().setCode(interaction);
        }
        return resource;
    }
}
