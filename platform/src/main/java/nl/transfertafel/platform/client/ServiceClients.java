package nl.transfertafel.platform.client;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * The one way a service calls another: a {@link WebClient} for the other service's base URL that
 * sends this service's own bearer token (role {@code SERVICE}), by Spring Security's OAuth2 client
 * ({@link ServiceTokens#filter()}). Boot's builder: calls are observed and carry the trace. Calls between services are rare by
 * design (events carry what others need); the reservation call from the transfer table and the
 * client-contact look-up for notifications are the cases.
 */
public class ServiceClients {

    private final WebClient.Builder builder;
    private final ServiceTokens tokens;

    public ServiceClients(WebClient.Builder builder, ServiceTokens tokens) {
        this.builder = builder;
        this.tokens = tokens;
    }

    public WebClient to(String baseUrl) {
        return builder.clone()
                .baseUrl(baseUrl)
                .filter(tokens.filter())
                .build();
    }
}
