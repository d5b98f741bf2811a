package nl.transfertafel.testkit.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.NettyWrapper;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequestHandler;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponseKt;
import no.nav.security.mock.oauth2.http.OAuth2HttpServer;
import no.nav.security.mock.oauth2.http.Route;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import okhttp3.HttpUrl;

/**
 * The OAuth2/OIDC issuer of the embedded default and of the tests: NAV's mock-oauth2-server, in-process, as the
 * issuer {@code http://127.0.0.1:<port>/transfertafel} (ADR 1020). Not for production, where the services point at
 * a real OIDC provider (Keycloak, {@code deploy/keycloak}) instead. Under the issuer:
 *
 * <ul>
 * <li>{@code /.well-known/openid-configuration}, {@code /jwks} (a key made at start), {@code /token},
 * {@code /authorize}, {@code /endsession}, ...: mock-oauth2-server's endpoints, CORS included;</li>
 * <li>{@code POST /token} with {@code grant_type=client_credentials}, {@code client_id} (one of
 * {@link #SERVICE_CLIENTS}) and {@code client_secret} ({@link #serviceSecret()}): a token for that service with role
 * {@code SERVICE}, for the few calls between services ({@link TokenEndpointClaims});</li>
 * <li>{@code GET /authorize} (authorization code + PKCE, for the coordinator page): a page where a demo user is
 * picked or typed ({@link DemoSignIn}); the token endpoint then gives that user's access token, an ID token and
 * a refresh token;</li>
 * <li>{@code GET /token?username=...} and {@code GET /token?sub=&roles=&org=&region=}: a token in one request
 * ({@link TokenShortcuts}).</li>
 * </ul>
 *
 * <p>Tests and the demo loader mint tokens in-process ({@link #tokenFor}, {@link #token}, {@link #serviceToken}),
 * with the same claims and key.
 */
public final class LocalTokenIssuer implements AutoCloseable {

    /** The issuer's path: the issuer is {@code http://127.0.0.1:<port>/transfertafel}. */
    static final String ISSUER_ID = "transfertafel";
    static final Duration LIFETIME = Duration.ofHours(8);
    static final Duration SERVICE_LIFETIME = Duration.ofMinutes(30);

    /** The services that may ask for a client-credentials token. */
    public static final List<String> SERVICE_CLIENTS = List.of("intake-service", "capacity-service",
            "transfer-table-service", "notification-service");
    /** The shared client secret of the embedded default, overridable with {@code TRANSFERTAFEL_SERVICE_SECRET}. */
    public static final String DEFAULT_SERVICE_SECRET = "local-service-secret";

    private final OAuth2TokenProvider tokenProvider;
    private final OAuth2HttpServer server;
    private final HttpUrl issuer;

    private LocalTokenIssuer(int port) {
        // a key made now, not the library's published default keys: tokens of one run are not valid in another
        tokenProvider = new OAuth2TokenProvider(new KeyProvider(List.of(), JWSAlgorithm.RS256.getName()));
        OAuth2Config config = new OAuth2Config(false, null, null, false, tokenProvider,
                Set.of(new TokenEndpointClaims(serviceSecret())), new NettyWrapper());
        Route library = new OAuth2HttpRequestHandler(config).getAuthorizationServer();
        Route router = new Route.Builder().attach(new DemoSignIn(library), new TokenShortcuts(this::mint), library)
                // an exception in a route of ours is answered, not left to the server
                .exceptionHandler((request, error) -> OAuth2HttpResponseKt.oauth2Error(
                        OAuth2Error.SERVER_ERROR.setDescription(String.valueOf(error.getMessage()))))
                .build();
        OAuth2HttpServer netty = config.getHttpServer();
        try {
            server = netty.start(InetAddress.getByName("127.0.0.1"), port, router);
        } catch (Exception e) { // Netty throws a BindException undeclared when the port is taken
            netty.stop(); // its threads are no daemons: they would keep the JVM alive
            throw new IllegalStateException("The token issuer cannot listen on 127.0.0.1:" + port + ": " + e, e);
        }
        issuer = HttpUrl.get("http://127.0.0.1:" + server.port() + "/" + ISSUER_ID);
    }

    /** Starts on the given port (0 picks a free one). */
    public static LocalTokenIssuer start(int port) {
        return new LocalTokenIssuer(port);
    }

    public String issuer() {
        return issuer.toString();
    }

    public String jwksUri() {
        return issuer + "/jwks";
    }

    public String tokenUri() {
        return issuer + "/token";
    }

    public String authorizationUri() {
        return issuer + "/authorize";
    }

    public static String serviceSecret() {
        String configured = System.getenv("TRANSFERTAFEL_SERVICE_SECRET");
        return configured == null || configured.isBlank() ? DEFAULT_SERVICE_SECRET : configured;
    }

    /** The token a service gets by the client-credentials grant. */
    public String serviceToken(String serviceName) {
        return mint(serviceName, TokenClaims.service(serviceName), SERVICE_LIFETIME);
    }

    public int port() {
        return server.port();
    }

    public String tokenFor(DemoUser user) {
        return token(user.username(), user.roles(), user.organisation(), user.region());
    }

    /** A signed token with any claims ({@code subject} null: none): tests use it for users that are not demo users. */
    public String token(String subject, List<String> roles, String organisation, String region) {
        return mint(subject, TokenClaims.person(roles, organisation, region));
    }

    private String mint(String subject, Map<String, Object> claims) {
        return mint(subject, claims, LIFETIME);
    }

    /** A token of this issuer from mock-oauth2-server's token provider, as its token endpoint would sign it. */
    private String mint(String subject, Map<String, Object> claims, Duration lifetime) {
        // the provider wants a token request; the callback decides everything, so any well-formed one does
        TokenRequest request = new TokenRequest.Builder(URI.create(tokenUri()),
                new ClientSecretBasic(new ClientID("local-stack"), new Secret("in-process")), new ClientCredentialsGrant())
                .build();
        return tokenProvider.accessToken(request, issuer, new TokenClaims.Fixed(subject, claims, lifetime), null)
                .serialize();
    }

    @Override
    public void close() {
        server.stop();
    }
}
