package nl.transfertafel.fhirgateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import nl.transfertafel.fhirgateway.capacity.ProviderHandler;
import nl.transfertafel.fhirgateway.capacity.SlotHandler;
import nl.transfertafel.fhirgateway.conformance.ConformanceHandler;
import nl.transfertafel.fhirgateway.offer.TaskHandler;
import nl.transfertafel.fhirgateway.referral.ReferralHandler;
import nl.transfertafel.fhirgateway.subscription.SubscriptionHandler;
import nl.transfertafel.fhirgateway.upstream.Upstream;
import nl.transfertafel.fhirgateway.upstream.UpstreamProperties;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * {@code GET /fhir/metadata} lists exactly what is implemented: the interactions the
 * CapabilityStatement names, spelled as FHIR REST calls, are the routes {@code FhirRoutes} serves,
 * no more and no fewer.
 */
class CapabilityMatchesRoutesTest {

    @Test
    void the_capability_statement_names_exactly_the_routes_the_gateway_serves() {
        assertThat(declared(ConformanceHandler.capabilityStatement())).isEqualTo(served());
    }

    @Test
    void a_route_without_its_interaction_in_the_capability_statement_is_noticed() {
        CapabilityStatement missingDelete = ConformanceHandler.capabilityStatement();
        missingDelete.getRestFirstRep().getResource().stream().filter(r -> r.getType().equals("Subscription"))
                .forEach(r -> r.getInteraction().removeIf(i -> i.getCode() == CapabilityStatement.TypeRestfulInteraction.DELETE));

        assertThat(served()).contains("DELETE /fhir/Subscription/{id}");
        assertThat(declared(missingDelete)).doesNotContain("DELETE /fhir/Subscription/{id}");
    }

    /** Each interaction as the REST call it stands for (FHIR RESTful API, R4 3.1.0). */
    private static Set<String> declared(CapabilityStatement statement) {
        Set<String> calls = new TreeSet<>();
        calls.add("GET /fhir/metadata");
        CapabilityStatement.CapabilityStatementRestComponent rest = statement.getRestFirstRep();
        rest.getInteraction().forEach(i -> {
            switch (i.getCode()) {
                case TRANSACTION, BATCH -> calls.add("POST /fhir");
                default -> calls.add("unmapped system interaction " + i.getCode());
            }
        });
        Map<CapabilityStatement.TypeRestfulInteraction, Function<String, String>> spelled = Map.of(
                CapabilityStatement.TypeRestfulInteraction.READ, type -> "GET /fhir/" + type + "/{id}",
                CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE, type -> "GET /fhir/" + type,
                CapabilityStatement.TypeRestfulInteraction.CREATE, type -> "POST /fhir/" + type,
                CapabilityStatement.TypeRestfulInteraction.UPDATE, type -> "PUT /fhir/" + type + "/{id}",
                CapabilityStatement.TypeRestfulInteraction.DELETE, type -> "DELETE /fhir/" + type + "/{id}");
        for (CapabilityStatement.CapabilityStatementRestResourceComponent resource : rest.getResource()) {
            resource.getInteraction().forEach(i -> calls.add(spelled.getOrDefault(i.getCode(),
                    type -> "unmapped interaction " + i.getCode() + " on " + type).apply(resource.getType())));
        }
        return calls;
    }

    /** Walks the router function the gateway registers and spells each route as {@code METHOD path}. */
    private static Set<String> served() {
        Upstream upstream = new Upstream(new UpstreamProperties(null, null, null, null));
        RouterFunction<?> routes = new FhirRoutes().fhir(new ReferralHandler(upstream), new TaskHandler(upstream),
                new SlotHandler(upstream), new ProviderHandler(upstream), new SubscriptionHandler(upstream),
                new ConformanceHandler());
        Set<String> calls = new TreeSet<>();
        routes.accept(new RouterFunctions.Visitor() {
            @Override
            public void route(RequestPredicate predicate, HandlerFunction<?> handler) {
                Spelling spelling = new Spelling();
                predicate.accept(spelling);
                calls.add(spelling.method + " " + spelling.path);
            }

            @Override
            public void startNested(RequestPredicate predicate) {
                calls.add("nested " + predicate);
            }

            @Override
            public void endNested(RequestPredicate predicate) {
            }

            @Override
            public void resources(Function<ServerRequest, Mono<Resource>> lookup) {
                calls.add("static resources");
            }

            @Override
            public void attributes(Map<String, Object> attributes) {
            }

            @Override
            public void unknown(RouterFunction<?> routerFunction) {
                calls.add("unknown " + routerFunction);
            }
        });
        return calls;
    }

    /** Collects the method and path of one route's predicate ({@code GET && /fhir/...}). */
    private static final class Spelling implements RequestPredicates.Visitor {
        private final Deque<String> parts = new ArrayDeque<>();
        private String method = "?";
        private String path = "?";

        @Override
        public void method(Set<HttpMethod> methods) {
            method = methods.stream().map(HttpMethod::name).sorted().reduce((a, b) -> a + "|" + b).orElse("?");
        }

        @Override
        public void path(String pattern) {
            path = pattern;
        }

        @Override
        public void pathExtension(String extension) {
            parts.add(extension);
        }

        @Override
        public void header(String name, String value) {
            parts.add(name);
        }

        @Override
        public void queryParam(String name, String value) {
            parts.add(name);
        }

        @Override
        public void version(String version) {
            parts.add(version);
        }

        @Override
        public void startAnd() {
        }

        @Override
        public void and() {
        }

        @Override
        public void endAnd() {
        }

        @Override
        public void startOr() {
        }

        @Override
        public void or() {
        }

        @Override
        public void endOr() {
        }

        @Override
        public void startNegate() {
        }

        @Override
        public void endNegate() {
        }

        @Override
        public void unknown(RequestPredicate predicate) {
            path = "unknown " + predicate;
        }
    }
}
