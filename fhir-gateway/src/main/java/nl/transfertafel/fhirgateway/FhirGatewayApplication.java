package nl.transfertafel.fhirgateway;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.reactor.autoconfigure.ReactorAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/**
 * The FHIR R4 facade: translates FHIR to the four services' REST APIs and back, forwarding the
 * caller's bearer token, so the services' authorisation, validation, idempotency, privacy and audit
 * apply unchanged. It stores nothing (ADR 1100).
 *
 * <p>Its auto-configuration is named here rather than taken from whatever is on the class path: the
 * local stack runs it in the JVM of the four services, whose class path carries the platform's security,
 * database, Kafka and outbox auto-configuration, none of which belongs to a gateway that stores nothing and
 * leaves every access decision to the services. Alone or in the stack it is the same application: a Netty
 * server with WebFlux's functional routes.
 */
@SpringBootConfiguration
@ComponentScan
@ConfigurationPropertiesScan
@ImportAutoConfiguration({
        PropertyPlaceholderAutoConfiguration.class,
        ConfigurationPropertiesAutoConfiguration.class,
        ReactorAutoConfiguration.class,
        NettyReactiveWebServerAutoConfiguration.class,
        CodecsAutoConfiguration.class,
        HttpHandlerAutoConfiguration.class,
        WebFluxAutoConfiguration.class,
        ErrorWebFluxAutoConfiguration.class})
public class FhirGatewayApplication {

    /** The gateway reads its own {@code fhir-gateway.properties}, so it can share a class path with the services. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(FhirGatewayApplication.class)
                .properties("spring.config.name=fhir-gateway");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
