package nl.transfertafel.platform.client;

import java.time.Clock;
import java.time.Duration;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Wires the service's own token source (Spring Security's OAuth2 client, client-credentials grant) and
 * the client used to call other services. Properties: {@code transfertafel.service-auth.token-uri},
 * {@code .client-id} (default the application name), {@code .client-secret},
 * {@code .client-authentication-method} ({@code client_secret_post}, the default, or
 * {@code client_secret_basic}) and {@code .clock-skew} (the most a token is renewed before it expires;
 * a quarter of its lifetime when that is less).
 */
@AutoConfiguration(afterName = "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration")
public class ServiceClientConfiguration {

    @Bean
    ServiceTokens serviceTokens(WebClient.Builder http, Clock clock,
            @Value("${transfertafel.service-auth.token-uri}") String tokenUri,
            @Value("${transfertafel.service-auth.client-id:${spring.application.name}}") String clientId,
            @Value("${transfertafel.service-auth.client-secret}") String clientSecret,
            @Value("${transfertafel.service-auth.client-authentication-method:client_secret_post}") String authentication,
            @Value("${transfertafel.service-auth.clock-skew:60s}") Duration maxRenewalMargin) {
        return new ServiceTokens(http, tokenUri, clientId, clientSecret, new ClientAuthenticationMethod(authentication),
                maxRenewalMargin, clock);
    }

    @Bean
    ServiceClients serviceClients(WebClient.Builder http, ServiceTokens tokens) {
        return new ServiceClients(http, tokens);
    }
}
