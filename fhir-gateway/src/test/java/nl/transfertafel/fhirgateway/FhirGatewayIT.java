package nl.transfertafel.fhirgateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.fhirgateway.fhir.Vocabulary;
import nl.transfertafel.localstack.LocalStack;
import nl.transfertafel.localstack.ServiceKind;
import nl.transfertafel.testkit.security.DemoUsers;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Slot;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The README walkthrough in FHIR, against the gateway (its own process, as deployed) in front of
 * the real services of the local stack on the real engines: a GP system refers a client with a
 * transaction Bundle (conditional create), a provider system publishes a Slot, two coordinators
 * approve through the REST API, the provider and the GP answer the offer as Task updates, and the
 * GP's worklist shows the referral. Every resource the gateway returns is validated against base R4.
 */
class FhirGatewayIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String PROVIDER = "22960001";
    private static LocalStack stack;
    private static Process gateway;
    private static String gatewayUrl;

    @BeforeAll
    static void start() throws Exception {
        stack = LocalStack.start(LocalStack.Options.randomPorts(false));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        gatewayUrl = "http://127.0.0.1:" + port + "/fhir";
        String classpath = "target/classes" + File.pathSeparator
                + Files.readString(Path.of("target", "gateway-runtime.classpath")).trim();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classpath, "nl.transfertafel.fhirgateway.FhirGatewayApplication",
                "--server.port=" + port,
                "--transfertafel.fhir-gateway.intake-url=" + stack.url(ServiceKind.INTAKE),
                "--transfertafel.fhir-gateway.capacity-url=" + stack.url(ServiceKind.CAPACITY),
                "--transfertafel.fhir-gateway.transfer-table-url=" + stack.url(ServiceKind.TRANSFER_TABLE)));
        gateway = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(new File("target/fhir-gateway-it.log")).start();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> new FhirHttp(gatewayUrl, null).get("/metadata").status() == 200);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.destroy();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void a_gp_and_a_provider_that_speak_only_fhir_take_a_referral_through_to_a_completed_transfer() {
        FhirHttp gp = new FhirHttp(gatewayUrl, stack.tokenFor(DemoUsers.GP));
        FhirHttp provider = gp.as(stack.tokens().token("desk-" + PROVIDER, List.of("PROVIDER"), PROVIDER, DemoUsers.REGION));
        JsonNode registered = registerProviderAndContract();

        // the GP system refers a client: a transaction with Patient + ServiceRequest, conditional on its own identifier
        Bundle transaction = referralTransaction("TRAUMA", "111222333", "gp-system|" + UUID.randomUUID());
        FhirHttp.Answer referred = gp.post("", transaction);
        assertThat(referred.status()).as(referred.body()).isEqualTo(200);
        Bundle response = referred.resource(Bundle.class);
        R4Validation.assertValid(response);
        assertThat(response.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
        Bundle.BundleEntryComponent created = response.getEntry().stream()
                .filter(e -> e.getResource() instanceof ServiceRequest).findFirst().orElseThrow();
        assertThat(created.getResponse().getStatus()).isEqualTo("201 Created");
        String referralId = created.getResource().getIdElement().getIdPart();
        assertThat(referred.body()).doesNotContain("111222333").doesNotContain("Jansen");

        // the same transaction again (a retry): the first referral, nothing new registered
        Bundle again = gp.post("", transaction).resource(Bundle.class);
        Bundle.BundleEntryComponent replayed = again.getEntry().stream()
                .filter(e -> e.getResource() instanceof ServiceRequest).findFirst().orElseThrow();
        assertThat(replayed.getResponse().getStatus()).isEqualTo("200 OK");
        assertThat(replayed.getResource().getIdElement().getIdPart()).isEqualTo(referralId);

        // the provider system publishes free places as a Slot of its Schedule
        Slot slot = new Slot();
        slot.setSchedule(new Reference("Schedule/" + PROVIDER));
        slot.setStatus(Slot.SlotStatus.FREE);
        slot.setStart(date(LocalDate.now()));
        slot.setEnd(date(LocalDate.now().plusDays(60)));
        slot.addExtension(Vocabulary.EXTENSION + "places", new IntegerType(1));
        slot.addExtension(Vocabulary.EXTENSION + "location-id",
                new StringType(registered.path("locations").get(0).path("locationId").asText()));
        slot.addExtension(Vocabulary.EXTENSION + "offering-id",
                new StringType(registered.path("offerings").get(0).path("offeringId").asText()));
        FhirHttp.Answer published = provider.post("/Slot", slot);
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        Slot line = published.resource(Slot.class);
        R4Validation.assertValid(line);
        assertThat(line.getStatus()).isEqualTo(Slot.SlotStatus.FREE);
        Bundle slots = provider.get("/Slot?schedule=Schedule/" + PROVIDER).resource(Bundle.class);
        R4Validation.assertValid(slots);
        assertThat(slots.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
                .contains(line.getIdElement().getIdPart());
        FhirHttp.Answer scheduleAnswer = provider.get("/Schedule/" + PROVIDER);
        assertThat(scheduleAnswer.status()).as(scheduleAnswer.body()).isEqualTo(200);
        Schedule schedule = scheduleAnswer.resource(Schedule.class);
        R4Validation.assertValid(schedule);
        assertThat(schedule.getActorFirstRep().getReference()).isEqualTo("HealthcareService/" + PROVIDER);
        HealthcareService service = provider.get("/HealthcareService/" + PROVIDER).resource(HealthcareService.class);
        R4Validation.assertValid(service);
        assertThat(service.getType()).anySatisfy(type -> assertThat(Vocabulary.DIAGNOSIS_GROUP.codeIn(type)).contains("TRAUMA"));

        // the transfer table proposes; two coordinators of different organisations approve (REST, their own page)
        String proposal = awaitProposal(referralId);
        approve(DemoUsers.COORDINATOR_A, proposal);
        assertThat(approve(DemoUsers.COORDINATOR_B, proposal).path("state").asText()).isEqualTo("OFFERED");

        // the provider system sees the offer as a requested Task on the GP's referral, and accepts it
        Task offered = taskFor(provider, "/Task?owner=" + Vocabulary.AGB + "|" + PROVIDER, proposal);
        assertThat(offered.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
        assertThat(offered.getFocus().getReference()).isEqualTo("ServiceRequest/" + referralId);
        offered.addOutput().setType(Vocabulary.TASK_PARAMETER.concept("provider-response")).setValue(new BooleanType(true));
        offered.addOutput().setType(Vocabulary.TASK_PARAMETER.concept("handover-contact"))
                .setValue(new StringType("Intake desk, 010-1234567"));
        FhirHttp.Answer accepted = provider.put("/Task/" + proposal, offered);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        Task afterProvider = accepted.resource(Task.class);
        R4Validation.assertValid(afterProvider);
        assertThat(afterProvider.getStatus()).isEqualTo(Task.TaskStatus.ACCEPTED);
        assertThat(Vocabulary.PROPOSAL_STATE.codeIn(afterProvider.getBusinessStatus())).contains("ACCEPTED_BY_PROVIDER");

        // the GP answers for the client on the same Task: the transfer completes
        Task forGp = taskFor(gp, "/Task?focus=ServiceRequest/" + referralId, proposal);
        forGp.addOutput().setType(Vocabulary.TASK_PARAMETER.concept("client-response")).setValue(new BooleanType(true));
        FhirHttp.Answer completed = gp.put("/Task/" + proposal, forGp);
        assertThat(completed.status()).as(completed.body()).isEqualTo(200);
        Task done = completed.resource(Task.class);
        R4Validation.assertValid(done);
        assertThat(done.getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);

        // the GP's worklist in FHIR: the referral, with its codes, and no personal data
        FhirHttp.Answer worklist = gp.get("/ServiceRequest?requester=" + Vocabulary.AGB + "|" + DemoUsers.GP_PRACTICE_AGB);
        assertThat(worklist.status()).as(worklist.body()).isEqualTo(200);
        Bundle items = worklist.resource(Bundle.class);
        R4Validation.assertValid(items);
        ServiceRequest mine = items.getEntry().stream().map(e -> (ServiceRequest) e.getResource())
                .filter(r -> r.getIdElement().getIdPart().equals(referralId)).findFirst().orElseThrow();
        assertThat(Vocabulary.DIAGNOSIS_GROUP.codeIn(mine.getReasonCodeFirstRep())).contains("TRAUMA");
        assertThat(worklist.body()).doesNotContain("111222333");
    }

    @Test
    void a_refused_referral_is_an_operation_outcome_naming_the_element_without_echoing_it() {
        FhirHttp gp = new FhirHttp(gatewayUrl, stack.tokenFor(DemoUsers.GP));
        ServiceRequest request = (ServiceRequest) referralTransaction("ANXIETY", "123456789", null).getEntry().get(1).getResource();
        Patient patient = (Patient) referralTransaction("ANXIETY", "123456789", null).getEntry().get(0).getResource();
        patient.setId("client");
        request.getContained().add(patient);
        request.setSubject(new Reference("#client"));

        FhirHttp.Answer refused = gp.post("/ServiceRequest", request);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        OperationOutcome outcome = refused.resource(OperationOutcome.class);
        R4Validation.assertValid(outcome);
        assertThat(outcome.getIssue()).anySatisfy(issue -> assertThat(issue.getExpression().get(0).getValue())
                .startsWith("Patient.identifier"));
        assertThat(refused.body()).doesNotContain("123456789");
        // no token: the services' 401, as an OperationOutcome
        FhirHttp.Answer anonymous = gp.as(null).post("/ServiceRequest", request);
        assertThat(anonymous.status()).isEqualTo(401);
        R4Validation.assertValid(anonymous.resource(OperationOutcome.class));
    }

    @Test
    void the_capability_statement_and_code_systems_are_served_as_valid_r4() {
        FhirHttp anyone = new FhirHttp(gatewayUrl, null);

        CapabilityStatement statement = anyone.get("/metadata").resource(CapabilityStatement.class);
        R4Validation.assertValid(statement);
        assertThat(statement.getRestFirstRep().getResource()).extracting(r -> r.getType())
                .containsExactly("ServiceRequest", "Task", "Slot", "Schedule", "HealthcareService", "CodeSystem");
        for (String id : Vocabulary.PUBLISHED.keySet()) {
            FhirHttp.Answer answer = anyone.get("/CodeSystem/" + id);
            assertThat(answer.status()).isEqualTo(200);
            CodeSystem system = answer.resource(CodeSystem.class);
            R4Validation.assertValid(system);
            assertThat(system.getUrl()).isEqualTo(Vocabulary.BASE + "/CodeSystem/" + id);
        }
        assertThat(anyone.get("/CodeSystem/no-such-system").status()).isEqualTo(404);
    }

    // ------------------------------------------------------------------ steps

    private static Bundle referralTransaction(String diagnosisGroup, String bsn, String ifNoneExist) {
        Patient patient = new Patient();
        patient.addIdentifier().setSystem(Vocabulary.BSN).setValue(bsn);
        patient.addName().setFamily("Jansen").addGiven("J.");
        patient.setBirthDateElement(new DateType("1990-04-01"));
        patient.addAddress().setPostalCode("3011 AB");
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue("j.jansen@example.org");
        ServiceRequest request = new ServiceRequest();
        request.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
        request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.setSubject(new Reference("urn:uuid:7d9c5e1a-0000-4000-8000-000000000001"));
        request.setRequester(new Reference().setIdentifier(new org.hl7.fhir.r4.model.Identifier()
                .setSystem(Vocabulary.AGB).setValue(DemoUsers.GP_PRACTICE_AGB)));
        request.addInsurance().getIdentifier().setSystem(Vocabulary.UZOVI).setValue(DemoUsers.INSURER_UZOVI);
        request.addReasonCode(Vocabulary.DIAGNOSIS_GROUP.concept(diagnosisGroup));
        request.addOrderDetail(Vocabulary.CARE_LEVEL.concept("SPECIALIST"));
        request.addOrderDetail(Vocabulary.URGENCY.concept("REGULAR"));
        request.setPriority(ServiceRequest.ServiceRequestPriority.ROUTINE);
        request.addExtension(Vocabulary.EXTENSION + "max-travel-km", new IntegerType(25));
        request.addExtension(Vocabulary.EXTENSION + "ehealth-acceptable", new BooleanType(false));
        request.addExtension(Vocabulary.EXTENSION + "screening-consent", new BooleanType(true));
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.TRANSACTION);
        bundle.addEntry().setFullUrl("urn:uuid:7d9c5e1a-0000-4000-8000-000000000001").setResource(patient)
                .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
        Bundle.BundleEntryComponent entry = bundle.addEntry().setFullUrl("urn:uuid:7d9c5e1a-0000-4000-8000-000000000002")
                .setResource(request);
        entry.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("ServiceRequest");
        if (ifNoneExist != null) {
            entry.getRequest().setIfNoneExist("identifier=" + ifNoneExist);
        }
        R4Validation.assertValid(bundle);
        return bundle;
    }

    /** Registering a provider and an insurer's contract is not part of the FHIR interface: the REST API, as in the README. */
    private static JsonNode registerProviderAndContract() {
        JsonNode record = json(StackRest.put(stack.url(ServiceKind.CAPACITY) + "/api/v1/providers/" + PROVIDER,
                stack.tokenFor(DemoUsers.ADMIN), Map.of("name", "Testaanbieder " + PROVIDER, "type", "GGZ_INSTITUTION",
                        "region", DemoUsers.REGION,
                        "locations", List.of(Map.of("postcode", "3012 KK", "city", "Rotterdam", "region", DemoUsers.REGION)),
                        "offerings", List.of(Map.of("diagnosisGroups", List.of("TRAUMA"), "careLevel", "SPECIALIST",
                                "minAge", 18, "maxAge", 120, "exclusions", List.of())))), 200, 201);
        json(StackRest.put(stack.url(ServiceKind.CAPACITY) + "/api/v1/contracts/" + DemoUsers.INSURER_UZOVI + "/" + PROVIDER,
                stack.tokenFor(DemoUsers.INSURER), Map.of("contracted", true, "ceilingReached", false)), 200, 201);
        return record;
    }

    private static String awaitProposal(String referralId) {
        String[] proposal = new String[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode queue = json(StackRest.get(stack.url(ServiceKind.TRANSFER_TABLE) + "/api/v1/screening/queue",
                    stack.tokenFor(DemoUsers.COORDINATOR_A)), 200);
            proposal[0] = null;
            for (JsonNode item : queue) {
                if (item.path("client").path("referralId").asText().equals(referralId)) {
                    proposal[0] = item.path("proposalId").asText();
                }
            }
            assertThat(proposal[0]).as("a proposal for referral " + referralId).isNotNull();
        });
        return proposal[0];
    }

    private static JsonNode approve(nl.transfertafel.testkit.security.DemoUser coordinator, String proposal) {
        return json(StackRest.post(stack.url(ServiceKind.TRANSFER_TABLE) + "/api/v1/proposals/" + proposal + "/approve",
                stack.tokenFor(coordinator)), 200);
    }

    private static Task taskFor(FhirHttp client, String search, String proposal) {
        FhirHttp.Answer answer = client.get(search);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        Bundle bundle = answer.resource(Bundle.class);
        R4Validation.assertValid(bundle);
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).map(Task.class::cast)
                .filter(t -> t.getIdElement().getIdPart().equals(proposal)).findFirst()
                .orElseThrow(() -> new AssertionError("no Task " + proposal + " in " + answer.body()));
    }

    private static JsonNode json(HttpResponse<String> response, Integer... expected) {
        assertThat(response.statusCode()).as(response.body()).isIn((Object[]) expected);
        return EventJson.mapper().readTree(response.body());
    }

    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.of("Europe/Amsterdam")).toInstant());
    }

}
