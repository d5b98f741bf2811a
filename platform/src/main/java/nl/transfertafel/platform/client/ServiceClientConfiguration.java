package nl.transfertafel.platform.client;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

/** Wires the service's own token source and the client used to call other services. */
@AutoConfiguration(afterName = "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration")
public class ServiceClientConfiguration {

    @Bean
    ServiceTokens serviceTokens(WebClient.Builder http, Clock clock,
            @Value("${transfertafel.service-auth.token-uri}") String tokenUri,
            @Value("${transfertafel.service-auth.client-id:${spring.application.name}}") String clientId,
            @Value("${transfertafel.service-auth.client-secret}") String clientSecret) {
        return new ServiceTokens(http, tokenUri, clientId, clientSecret, clock);
    }

    @Bean
    ServiceClients serviceClients(WebClient.Builder http, ServiceTokens tokens) {
        return new ServiceClients(http, tokens);
    }
}
