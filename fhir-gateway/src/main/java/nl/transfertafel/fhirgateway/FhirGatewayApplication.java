package nl.transfertafel.fhirgateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The FHIR R4 facade: translates FHIR to the four services' REST APIs and back, forwarding the
 * caller's bearer token, so the services' authorisation, validation, idempotency, privacy and audit
 * apply unchanged. It stores nothing (ADR 1100).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FhirGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(FhirGatewayApplication.class, args);
    }
}
