package nl.transfertafel.platform.client;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.RemoveAuthorizedClientReactiveOAuth2AuthorizationFailureHandler;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The calling service's own access token, by the OAuth2 client-credentials grant (the local token
 * issuer in the embedded default, Keycloak or any OIDC provider in production), through Spring
 * Security's OAuth2 client: one {@link ClientRegistration} ({@value #REGISTRATION_ID}), an
 * {@link AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager} that caches the token in memory
 * and renews it before it expires ({@link ServiceTokenRenewal}: a margin proportional to the token's
 * lifetime), and for {@link ServiceClients} the {@link ServerOAuth2AuthorizedClientExchangeFilterFunction}
 * that puts it on each call (and forgets it when the callee answers 401). The token belongs to the
 * service, not to the person whose request happens to make the call: the filter always authorizes as
 * the service's own principal. See docs/adr/0045.
 */
public class ServiceTokens {

    /** The one client registration of a service: itself. */
    public static final String REGISTRATION_ID = "transfertafel-service";

    private final String clientId;
    private final Authentication self;
    private final AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager manager;
    private final InMemoryReactiveOAuth2AuthorizedClientService authorizedClients;

    /** Client secret sent in the form body ({@code client_secret_post}), at most 60 s renewal margin. */
    public ServiceTokens(WebClient.Builder http, String tokenUri, String clientId, String clientSecret, Clock clock) {
        this(http, tokenUri, clientId, clientSecret, ClientAuthenticationMethod.CLIENT_SECRET_POST,
                ServiceTokenRenewal.DEFAULT_MAX_MARGIN, clock);
    }

    public ServiceTokens(WebClient.Builder http, String tokenUri, String clientId, String clientSecret,
            ClientAuthenticationMethod authentication, Duration maxRenewalMargin, Clock clock) {
        this.clientId = clientId;
        this.self = new AnonymousAuthenticationToken("transfertafel-service", clientId,
                AuthorityUtils.createAuthorityList("ROLE_SERVICE"));
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenUri(tokenUri)
                .clientId(clientId)
                .clientSecret(clientSecret)
                .clientAuthenticationMethod(authentication)
                .build();
        InMemoryReactiveClientRegistrationRepository registrations = new InMemoryReactiveClientRegistrationRepository(
                List.of(registration));
        this.authorizedClients = new InMemoryReactiveOAuth2AuthorizedClientService(registrations);
        WebClientReactiveClientCredentialsTokenResponseClient tokenEndpoint =
                new WebClientReactiveClientCredentialsTokenResponseClient();
        tokenEndpoint.setWebClient(http.clone().build()); // Boot's builder: the token request is observed too
        ClientCredentialsReactiveOAuth2AuthorizedClientProvider fetch = new ClientCredentialsReactiveOAuth2AuthorizedClientProvider();
        fetch.setAccessTokenResponseClient(tokenEndpoint);
        fetch.setClock(clock);
        this.manager = new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(new ServiceTokenRenewal(fetch, maxRenewalMargin, clock));
    }

    /** The current token's value (fetched or renewed when due). */
    public Mono<String> token() {
        return manager.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION_ID).principal(self).build())
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("no token for client " + clientId)))
                .map(client -> client.getAccessToken().getTokenValue());
    }

    /** The manager, for code that needs the authorized client itself. */
    public ReactiveOAuth2AuthorizedClientManager manager() {
        return manager;
    }

    /**
     * The WebClient filter that sends the service's token: Spring Security's exchange filter function
     * on this manager, run as the service's own principal (never the caller's), forgetting the token
     * when the other service answers 401 or 403 with an OAuth2 error so the next call fetches a new one.
     */
    public ExchangeFilterFunction filter() {
        ServerOAuth2AuthorizedClientExchangeFilterFunction oauth2 = new ServerOAuth2AuthorizedClientExchangeFilterFunction(manager);
        oauth2.setDefaultClientRegistrationId(REGISTRATION_ID);
        oauth2.setAuthorizationFailureHandler(new RemoveAuthorizedClientReactiveOAuth2AuthorizationFailureHandler(
                (registrationId, principal, attributes) -> authorizedClients.removeAuthorizedClient(registrationId,
                        principal.getName())));
        return (request, next) -> oauth2.filter(request, next)
                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(self));
    }
}
