package nl.transfertafel.localstack.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.gclient.TokenClientParam;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.fhirgateway.R4Validation;
import nl.transfertafel.fhirgateway.fhir.Fhir;
import nl.transfertafel.fhirgateway.subscription.SubscriptionMapping;
import nl.transfertafel.fhirgateway.subscription.SubscriptionTopics;
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
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The README walkthrough in FHIR, against the local stack's gateway in front of the real services on
 * the real engines: a GP system refers a client with a
 * transaction Bundle (conditional create), a provider system publishes a Slot, two coordinators
 * approve through the REST API, the provider and the GP answer the offer as Task updates, and the
 * GP's worklist shows the referral; both systems subscribe (rest-hook) and receive the notifications
 * on their own endpoints. Every call goes through HAPI's generic client, and every resource the
 * gateway returns is validated with HAPI's profile validator against base R4.
 */
class FhirGatewayIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String PROVIDER = "22940001"; // a provider no other local-stack IT registers
    private static LocalStack stack;
    private static String gatewayUrl;
    private static WebhookReceiver receiver;
    private static final String SECRET = "whsec_Zmhpci1pdC13ZWJob29rLXNlY3JldC0wMTIzNDU2Nzg5";

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStack.Options.randomPorts(false));
        gatewayUrl = stack.fhirGatewayUrl() + "/fhir";
        // HAPI's generic client, as a GP or provider system would configure it (the machine under test is slow and shared)
        Fhir.context().getRestfulClientFactory().setSocketTimeout(60_000);
        Fhir.context().getRestfulClientFactory().setConnectTimeout(10_000);
        receiver = WebhookReceiver.start();
    }

    @AfterAll
    static void stop() {
        if (receiver != null) {
            receiver.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    /** HAPI's generic client on the gateway, with the caller's bearer token (none: anonymous). */
    private static IGenericClient client(String token) {
        IGenericClient client = Fhir.context().newRestfulGenericClient(gatewayUrl);
        client.setEncoding(EncodingEnum.JSON);
        if (token != null) {
            client.registerInterceptor(new BearerTokenAuthInterceptor(token));
        }
        return client;
    }

    @Test
    void a_gp_and_a_provider_that_speak_only_fhir_take_a_referral_through_to_a_completed_transfer() {
        IGenericClient gp = client(stack.tokenFor(DemoUsers.GP));
        IGenericClient provider = client(stack.tokens().token("desk-" + PROVIDER, List.of("PROVIDER"), PROVIDER, DemoUsers.REGION));
        JsonNode registered = registerProviderAndContract();

        // the GP system subscribes to its referrals' notifications (rest-hook), the provider system to its offers
        String gpHook = receiver.endpoint("gp");
        MethodOutcome gpSubscribed = gp.create().resource(subscription(SubscriptionTopics.MY_REFERRALS, gpHook)).execute();
        assertThat(gpSubscribed.getCreated()).isTrue();
        Subscription gpSubscription = (Subscription) gpSubscribed.getResource();
        R4Validation.assertValid(gpSubscription);
        assertThat(gpSubscription.getStatus()).isEqualTo(Subscription.SubscriptionStatus.ACTIVE);
        assertThat(gpSubscription.getChannel().getEndpoint()).isEqualTo(gpHook);
        assertThat(Fhir.encode(gpSubscription)).doesNotContain(SECRET);
        // the provider system wants its notifications as the backport's id-only Bundle
        Subscription asFhir = subscription(SubscriptionTopics.MY_OFFERS, receiver.endpoint("provider"));
        asFhir.getChannel().setPayload("application/fhir+json");
        Subscription providerSubscription = (Subscription) provider.create().resource(asFhir).execute().getResource();
        R4Validation.assertValid(providerSubscription);
        assertThat(providerSubscription.getChannel().getPayload()).isEqualTo("application/fhir+json");

        // the GP system refers a client: a transaction with Patient + ServiceRequest, conditional on its own identifier
        Bundle transaction = referralTransaction("TRAUMA", "111222333", "gp-system|" + UUID.randomUUID());
        Bundle response = gp.transaction().withBundle(transaction).execute();
        R4Validation.assertValid(response);
        assertThat(response.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
        Bundle.BundleEntryComponent created = response.getEntry().stream()
                .filter(e -> e.getResource() instanceof ServiceRequest).findFirst().orElseThrow();
        assertThat(created.getResponse().getStatus()).isEqualTo("201 Created");
        String referralId = created.getResource().getIdElement().getIdPart();
        assertThat(Fhir.encode(response)).doesNotContain("111222333").doesNotContain("Jansen");

        // the same transaction again (a retry): the first referral, nothing new registered
        Bundle again = gp.transaction().withBundle(transaction).execute();
        R4Validation.assertValid(again);
        Bundle.BundleEntryComponent replayed = again.getEntry().stream()
                .filter(e -> e.getResource() instanceof ServiceRequest).findFirst().orElseThrow();
        assertThat(replayed.getResponse().getStatus()).isEqualTo("200 OK");
        assertThat(replayed.getResource().getIdElement().getIdPart()).isEqualTo(referralId);

        // the GP system hears of the registration on its endpoint: the pipeline's thin, signed webhook body
        JsonNode registeredNotice = receiver.awaitNotice("gp", "ReferralReceived", referralId);
        assertThat(registeredNotice.path("subject").path("kind").asText()).isEqualTo("REFERRAL");

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
        MethodOutcome published = provider.create().resource(slot).execute();
        assertThat(published.getCreated()).isTrue();
        Slot line = (Slot) published.getResource();
        R4Validation.assertValid(line);
        assertThat(line.getStatus()).isEqualTo(Slot.SlotStatus.FREE);
        Bundle slots = provider.search().forResource(Slot.class).where(Slot.SCHEDULE.hasId("Schedule/" + PROVIDER))
                .returnBundle(Bundle.class).execute();
        R4Validation.assertValid(slots);
        assertThat(slots.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
                .contains(line.getIdElement().getIdPart());
        Slot readBack = provider.read().resource(Slot.class).withId(line.getIdElement().getIdPart()).execute();
        R4Validation.assertValid(readBack);
        Schedule schedule = provider.read().resource(Schedule.class).withId(PROVIDER).execute();
        R4Validation.assertValid(schedule);
        assertThat(schedule.getActorFirstRep().getReference()).isEqualTo("HealthcareService/" + PROVIDER);
        HealthcareService service = provider.read().resource(HealthcareService.class).withId(PROVIDER).execute();
        R4Validation.assertValid(service);
        assertThat(service.getType()).anySatisfy(type -> assertThat(Vocabulary.DIAGNOSIS_GROUP.codeIn(type)).contains("TRAUMA"));

        // the transfer table proposes; two coordinators of different organisations approve (REST, their own page)
        String proposal = awaitProposal(referralId);
        approve(DemoUsers.COORDINATOR_A, proposal);
        assertThat(approve(DemoUsers.COORDINATOR_B, proposal).path("state").asText()).isEqualTo("OFFERED");

        // the provider system is told of the offer on its endpoint as a SubscriptionStatus Bundle, and reads it as a
        // receiver would: HAPI's parser, HAPI's validator, then the focus
        Bundle offerNotice = receivedNotification("provider", "Task/" + proposal);
        long offerNumber = eventNumber(offerNotice);
        assertThat(offerNumber).isPositive();
        // and finds it as a requested Task on the GP's referral
        Task offered = taskFor(provider.search().forResource(Task.class)
                .where(new TokenClientParam("owner").exactly().systemAndCode(Vocabulary.AGB, PROVIDER))
                .returnBundle(Bundle.class).execute(), proposal);
        assertThat(offered.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
        assertThat(offered.getFocus().getReference()).isEqualTo("ServiceRequest/" + referralId);
        Task readTask = provider.read().resource(Task.class).withId(proposal).execute();
        R4Validation.assertValid(readTask);
        offered.addOutput().setType(Vocabulary.TASK_PARAMETER.concept("provider-response")).setValue(new BooleanType(true));
        offered.addOutput().setType(Vocabulary.TASK_PARAMETER.concept("handover-contact"))
                .setValue(new StringType("Intake desk, 010-1234567"));
        Task afterProvider = (Task) provider.update().resource(offered).withId(proposal).execute().getResource();
        R4Validation.assertValid(afterProvider);
        assertThat(afterProvider.getStatus()).isEqualTo(Task.TaskStatus.ACCEPTED);
        assertThat(Vocabulary.PROPOSAL_STATE.codeIn(afterProvider.getBusinessStatus())).contains("ACCEPTED_BY_PROVIDER");

        // the GP answers for the client on the same Task: the transfer completes, and both systems hear of it
        Task forGp = taskFor(gp.search().forResource(Task.class).where(Task.FOCUS.hasId("ServiceRequest/" + referralId))
                .returnBundle(Bundle.class).execute(), proposal);
        forGp.addOutput().setType(Vocabulary.TASK_PARAMETER.concept("client-response")).setValue(new BooleanType(true));
        Task done = (Task) gp.update().resource(forGp).withId(proposal).execute().getResource();
        R4Validation.assertValid(done);
        assertThat(done.getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
        receiver.awaitNotice("gp", "TransferCompleted", proposal);
        // the completed transfer is the provider's next notification about the Task, numbered after the offer
        await().atMost(WAIT).untilAsserted(() -> assertThat(receiver.fhirNotifications("provider", "Task/" + proposal))
                .hasSizeGreaterThanOrEqualTo(2));
        List<Long> numbers = receiver.fhirNotifications("provider", "Task/" + proposal).stream()
                .map(d -> eventNumber(parseAndValidate(d.text()))).sorted().toList();
        assertThat(numbers).doesNotHaveDuplicates().first().isEqualTo(offerNumber);

        // the GP's worklist in FHIR: the referral, with its codes, and no personal data
        Bundle items = gp.search().forResource(ServiceRequest.class)
                .where(new TokenClientParam("requester").exactly().systemAndCode(Vocabulary.AGB, DemoUsers.GP_PRACTICE_AGB))
                .returnBundle(Bundle.class).execute();
        R4Validation.assertValid(items);
        ServiceRequest mine = items.getEntry().stream().map(e -> (ServiceRequest) e.getResource())
                .filter(r -> r.getIdElement().getIdPart().equals(referralId)).findFirst().orElseThrow();
        assertThat(Vocabulary.DIAGNOSIS_GROUP.codeIn(mine.getReasonCodeFirstRep())).contains("TRAUMA");
        ServiceRequest one = gp.read().resource(ServiceRequest.class).withId(referralId).execute();
        R4Validation.assertValid(one);
        assertThat(Fhir.encode(items)).doesNotContain("111222333");

        // the subscriptions as FHIR resources: listed, read, and deleted (the organisation's webhook goes with the last)
        Bundle gpSubscriptions = gp.search().forResource(Subscription.class).returnBundle(Bundle.class).execute();
        R4Validation.assertValid(gpSubscriptions);
        assertThat(gpSubscriptions.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
                .containsExactly(SubscriptionTopics.MY_REFERRALS.id());
        R4Validation.assertValid(gp.read().resource(Subscription.class).withId(SubscriptionTopics.MY_REFERRALS.id()).execute());
        gp.delete().resourceById("Subscription", SubscriptionTopics.MY_REFERRALS.id()).execute();
        provider.delete().resourceById("Subscription", SubscriptionTopics.MY_OFFERS.id()).execute();
        assertThatThrownBy(() -> gp.read().resource(Subscription.class).withId(SubscriptionTopics.MY_REFERRALS.id()).execute())
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(gp.search().forResource(Subscription.class).returnBundle(Bundle.class).execute().getEntry()).isEmpty();
        JsonNode channels = json(StackRest.get(stack.url(ServiceKind.NOTIFICATION) + "/api/v1/subscriptions",
                stack.tokenFor(DemoUsers.GP)), 200);
        assertThat(channels.path("webhookRegistered").asBoolean()).isFalse();
        assertThat(channels.path("subscriptions").toString()).doesNotContain("WEBHOOK").contains("INBOX");
    }

    @Test
    void a_refused_referral_is_an_operation_outcome_naming_the_element_without_echoing_it() {
        IGenericClient gp = client(stack.tokenFor(DemoUsers.GP));
        ServiceRequest request = (ServiceRequest) referralTransaction("ANXIETY", "123456789", null).getEntry().get(1).getResource();
        Patient patient = (Patient) referralTransaction("ANXIETY", "123456789", null).getEntry().get(0).getResource();
        patient.setId("client");
        request.getContained().add(patient);
        request.setSubject(new Reference("#client"));

        assertThatThrownBy(() -> gp.create().resource(request).execute())
                .isInstanceOfSatisfying(InvalidRequestException.class, refused -> {
                    assertThat(refused.getStatusCode()).isEqualTo(400);
                    OperationOutcome outcome = (OperationOutcome) refused.getOperationOutcome();
                    R4Validation.assertValid(outcome);
                    assertThat(outcome.getIssue()).anySatisfy(issue -> assertThat(issue.getExpression().get(0).getValue())
                            .startsWith("Patient.identifier"));
                    assertThat(Fhir.encode(outcome)).doesNotContain("123456789");
                });
        // no token: the services' 401, as an OperationOutcome
        assertThatThrownBy(() -> client(null).create().resource(request).execute())
                .isInstanceOfSatisfying(AuthenticationException.class, anonymous -> {
                    assertThat(anonymous.getStatusCode()).isEqualTo(401);
                    R4Validation.assertValid(anonymous.getOperationOutcome());
                });
        // a subscription whose channel the pipeline cannot honour is refused, naming the element
        Subscription withBearer = subscription(SubscriptionTopics.MY_REFERRALS, receiver.endpoint("gp"));
        withBearer.getChannel().addHeader("Authorization: Bearer something");
        assertThatThrownBy(() -> gp.create().resource(withBearer).execute())
                .isInstanceOfSatisfying(InvalidRequestException.class, refused -> assertThat(
                        ((OperationOutcome) refused.getOperationOutcome()).getIssueFirstRep().getExpression().get(0).getValue())
                        .isEqualTo("Subscription.channel.header"));
    }

    @Test
    void the_capability_statement_and_code_systems_are_served_as_valid_r4() {
        IGenericClient anyone = client(null);

        CapabilityStatement statement = anyone.capabilities().ofType(CapabilityStatement.class).execute();
        R4Validation.assertValid(statement);
        assertThat(statement.getRestFirstRep().getResource()).extracting(r -> r.getType())
                .containsExactly("ServiceRequest", "Task", "Slot", "Subscription", "Schedule", "HealthcareService", "CodeSystem");
        for (String id : Vocabulary.PUBLISHED.keySet()) {
            CodeSystem system = anyone.read().resource(CodeSystem.class).withId(id).execute();
            R4Validation.assertValid(system);
            assertThat(system.getUrl()).isEqualTo(Vocabulary.BASE + "/CodeSystem/" + id);
        }
        Bundle byUrl = anyone.search().forResource(CodeSystem.class).where(CodeSystem.URL.matches().value(Vocabulary.URGENCY.url()))
                .returnBundle(Bundle.class).execute();
        R4Validation.assertValid(byUrl);
        assertThat(byUrl.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart()).containsExactly("urgency");
        assertThatThrownBy(() -> anyone.read().resource(CodeSystem.class).withId("no-such-system").execute())
                .isInstanceOf(ResourceNotFoundException.class);
    }

    // ------------------------------------------------------------------ steps

    /** The backport's notification as a receiving system checks it: parsed by HAPI, valid R4, the status first. */
    private static Bundle receivedNotification(String endpoint, String focus) {
        Bundle bundle = parseAndValidate(receiver.awaitFhirNotification(endpoint, focus).text());
        org.hl7.fhir.r4.model.Parameters status = (org.hl7.fhir.r4.model.Parameters) bundle.getEntryFirstRep().getResource();
        assertThat(status.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly(
                "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-subscription-status-r4");
        assertThat(status.getParameter("type").getValue().primitiveValue()).isEqualTo("event-notification");
        assertThat(status.getParameter("status").getValue().primitiveValue()).isEqualTo("active");
        assertThat(((Reference) status.getParameter("subscription").getValue()).getReference())
                .isEqualTo(gatewayUrl + "/Subscription/" + SubscriptionTopics.MY_OFFERS.id());
        assertThat(status.getParameter("topic").getValue().primitiveValue()).isEqualTo(SubscriptionTopics.MY_OFFERS.url());
        org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent event = status.getParameter("notification-event");
        Reference focusReference = (Reference) event.getPart().stream().filter(p -> p.getName().equals("focus")).findFirst()
                .orElseThrow().getValue();
        assertThat(focusReference.getReference()).isEqualTo(gatewayUrl + "/" + focus);
        // id-only: the focus is named by an entry without a resource, read back with the receiver's own token
        assertThat(bundle.getEntry()).hasSize(2);
        assertThat(bundle.getEntry().get(1).getFullUrl()).isEqualTo(gatewayUrl + "/" + focus);
        assertThat(bundle.getEntry().get(1).hasResource()).isFalse();
        return bundle;
    }

    private static Bundle parseAndValidate(String received) {
        Bundle bundle = Fhir.context().newJsonParser().parseResource(Bundle.class, received);
        // base R4 in full; the backport's own profiles are not available here (not on Maven Central), so their
        // elements are checked by the caller (receivedNotification)
        R4Validation.assertValidWithout(bundle, "http://hl7.org/fhir/uv/subscriptions-backport/");
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.HISTORY);
        assertThat(bundle.getEntryFirstRep().getResource()).isInstanceOf(org.hl7.fhir.r4.model.Parameters.class);
        assertThat(received).doesNotContain("111222333").doesNotContain("Jansen");
        return bundle;
    }

    private static long eventNumber(Bundle bundle) {
        org.hl7.fhir.r4.model.Parameters status = (org.hl7.fhir.r4.model.Parameters) bundle.getEntryFirstRep().getResource();
        long number = Long.parseLong(status.getParameter("notification-event").getPart().stream()
                .filter(p -> p.getName().equals("event-number")).findFirst().orElseThrow().getValue().primitiveValue());
        assertThat(status.getParameter("events-since-subscription-start").getValue().primitiveValue())
                .isEqualTo(Long.toString(number));
        return number;
    }

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
        request.setCode(new org.hl7.fhir.r4.model.CodeableConcept().setText("Referral to mental-health care (ggz)"));
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

    private static Task taskFor(Bundle bundle, String proposal) {
        R4Validation.assertValid(bundle);
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).map(Task.class::cast)
                .filter(t -> t.getIdElement().getIdPart().equals(proposal)).findFirst()
                .orElseThrow(() -> new AssertionError("no Task " + proposal + " in " + Fhir.encode(bundle)));
    }

    /** A backport rest-hook Subscription as a GP or provider system posts it. */
    private static Subscription subscription(SubscriptionTopics.Topic topic, String endpoint) {
        Subscription subscription = new Subscription();
        subscription.setStatus(Subscription.SubscriptionStatus.REQUESTED);
        subscription.setReason("follow " + topic.title().toLowerCase(java.util.Locale.ROOT));
        subscription.setCriteria(topic.url());
        subscription.getChannel().setType(Subscription.SubscriptionChannelType.RESTHOOK).setEndpoint(endpoint)
                .setPayload("application/json").addHeader(SubscriptionMapping.SECRET_HEADER + ": " + SECRET);
        R4Validation.assertValid(subscription);
        return subscription;
    }

    private static JsonNode json(HttpResponse<String> response, Integer... expected) {
        assertThat(response.statusCode()).as(response.body()).isIn((Object[]) expected);
        return EventJson.mapper().readTree(response.body());
    }

    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.of("Europe/Amsterdam")).toInstant());
    }

}
