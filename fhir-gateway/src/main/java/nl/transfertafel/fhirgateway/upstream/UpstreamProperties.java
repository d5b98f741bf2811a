package nl.transfertafel.fhirgateway.upstream;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the services the gateway translates to listen. */
@ConfigurationProperties("transfertafel.fhir-gateway")
public record UpstreamProperties(String intakeUrl, String capacityUrl, String transferTableUrl, String notificationUrl) {

    public UpstreamProperties {
        intakeUrl = intakeUrl == null ? "http://127.0.0.1:8081" : intakeUrl;
        capacityUrl = capacityUrl == null ? "http://127.0.0.1:8082" : capacityUrl;
        transferTableUrl = transferTableUrl == null ? "http://127.0.0.1:8083" : transferTableUrl;
        notificationUrl = notificationUrl == null ? "http://127.0.0.1:8084" : notificationUrl;
    }
}
