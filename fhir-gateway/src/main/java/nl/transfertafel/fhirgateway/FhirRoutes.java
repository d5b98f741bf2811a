package nl.transfertafel.fhirgateway;


import nl.transfertafel.fhirgateway.capacity.ProviderHandler;
import nl.transfertafel.fhirgateway.capacity.SlotHandler;
import nl.transfertafel.fhirgateway.conformance.ConformanceHandler;
import nl.transfertafel.fhirgateway.fhir.Fhir;
import nl.transfertafel.fhirgateway.fhir.FhirRefusal;
import nl.transfertafel.fhirgateway.fhir.Outcomes;
import nl.transfertafel.fhirgateway.offer.TaskHandler;
import nl.transfertafel.fhirgateway.referral.ReferralHandler;
import nl.transfertafel.fhirgateway.subscription.SubscriptionHandler;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.reactive.UrlHandlerFilter;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebFilter;

/** Every FHIR interaction the gateway serves; {@link ConformanceHandler#capabilityStatement()} lists the same. */
@Configuration
public class FhirRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(FhirRoutes.class);

    /**
     * A FHIR base URL is written with and without a trailing slash, and HAPI's client posts a
     * transaction to {@code <base>/}; the routes are matched without it.
     */
    @Bean
    WebFilter fhirTrailingSlash() {
        return UrlHandlerFilter.trailingSlashHandler("/fhir/**").mutateRequest().build();
    }

    @Bean
    public RouterFunction<ServerResponse> fhir(ReferralHandler referrals, TaskHandler tasks, SlotHandler slots,
            ProviderHandler providers, SubscriptionHandler subscriptions, ConformanceHandler conformance) {
        return RouterFunctions.route()
                .GET("/fhir/metadata", conformance::metadata)
                .GET("/fhir/CodeSystem", conformance::codeSystems)
                .GET("/fhir/CodeSystem/{id}", conformance::codeSystem)
                .POST("/fhir", referrals::transaction)
                .POST("/fhir/ServiceRequest", referrals::create)
                .GET("/fhir/ServiceRequest", referrals::search)
                .GET("/fhir/ServiceRequest/{id}", referrals::read)
                .GET("/fhir/Task", tasks::search)
                .GET("/fhir/Task/{id}", tasks::read)
                .PUT("/fhir/Task/{id}", tasks::update)
                .POST("/fhir/Slot", slots::create)
                .GET("/fhir/Slot", slots::search)
                .GET("/fhir/Slot/{id}", slots::read)
                .GET("/fhir/Schedule/{id}", providers::schedule)
                .GET("/fhir/HealthcareService/{id}", providers::healthcareService)
                .POST("/fhir/Subscription", subscriptions::create)
                .GET("/fhir/Subscription", subscriptions::search)
                .GET("/fhir/Subscription/{id}", subscriptions::read)
                .DELETE("/fhir/Subscription/{id}", subscriptions::delete)
                .onError(FhirRefusal.class, (error, request) -> Fhir.respond(((FhirRefusal) error).status(),
                        ((FhirRefusal) error).outcome()))
                .onError(Exception.class, (error, request) -> {
                    // the message may quote a service's answer; it goes to the log, never to the caller
                    LOG.warn("FHIR request {} {} failed: {}", request.method(), request.path(), error.toString());
                    return Fhir.respond(HttpStatus.BAD_GATEWAY, Outcomes.single(OperationOutcome.IssueType.TRANSIENT,
                            "a service behind the gateway could not be reached or answered unexpectedly", null));
                })
                .build();
    }
}
