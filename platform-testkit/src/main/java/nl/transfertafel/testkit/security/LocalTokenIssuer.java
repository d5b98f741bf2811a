package nl.transfertafel.testkit.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * A small OAuth2 token issuer for the embedded default and for tests: its own RSA key pair, a JWKS
 * endpoint the services validate against, and tokens for the demo users. Not for production, where
 * the services point at a real OIDC provider (e.g. Keycloak) instead.
 *
 * <ul>
 * <li>{@code GET /.well-known/jwks.json}: the public key</li>
 * <li>{@code GET /.well-known/openid-configuration}: discovery document</li>
 * <li>{@code POST /token} with form field {@code username} (a demo user), or {@code GET /token?username=...}:
 * {@code {"access_token": ..., "token_type": "Bearer", "expires_in": ...}}</li>
 * <li>{@code GET /token?sub=...&roles=GP[,COORDINATOR...]&org=...&region=...}: a token with exactly these claims
 * ({@code org} and {@code region} optional), for load and fault harnesses that act as many GP practices and
 * providers. Only this development issuer has it: anyone who can reach it can be anyone.</li>
 * <li>{@code POST /token} with {@code grant_type=client_credentials}, {@code client_id} (one of
 * {@link #SERVICE_CLIENTS}) and {@code client_secret} ({@link #serviceSecret()}): a token for that
 * service with role {@code SERVICE}, for the few calls between services</li>
 * <li>{@code GET /authorize} (authorization code + PKCE, for browser pages such as the coordinator page):
 * a small sign-in page where a demo user is picked or typed, then a redirect back to the (loopback)
 * {@code redirect_uri} with a one-time {@code code}; {@code POST /token} with
 * {@code grant_type=authorization_code}, {@code code}, {@code redirect_uri}, {@code client_id} and
 * {@code code_verifier} answers with an access token and an OIDC id token (see {@link AuthorizationCodeFlow})</li>
 * <li>{@code GET /users}: the demo users and their claims</li>
 * </ul>
 *
 * <p>Its JSON endpoints answer cross-origin requests ({@code Access-Control-Allow-Origin: *}): a page
 * served by a service on another port reads the discovery document and redeems its code here. No
 * cookies are involved, so nothing is exposed that a page could not already ask for.
 */
public final class LocalTokenIssuer implements AutoCloseable {

    private static final Duration LIFETIME = Duration.ofHours(8);
    private static final Duration SERVICE_LIFETIME = Duration.ofMinutes(30);

    /** The services that may ask for a client-credentials token. */
    public static final List<String> SERVICE_CLIENTS = List.of("intake-service", "capacity-service",
            "transfer-table-service", "notification-service");
    /** The shared client secret of the embedded default, overridable with {@code TRANSFERTAFEL_SERVICE_SECRET}. */
    public static final String DEFAULT_SERVICE_SECRET = "local-service-secret";

    private final RSAKey key;
    private final HttpServer server;
    private final String issuer;
    private final AuthorizationCodeFlow authorizationCodes = new AuthorizationCodeFlow(Clock.systemUTC());

    private LocalTokenIssuer(int port) {
        try {
            key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID("local-" + UUID.randomUUID()).generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/.well-known/jwks.json", exchange ->
                respond(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/.well-known/openid-configuration", exchange -> respond(exchange, 200, discovery()));
        server.createContext("/token", this::token);
        server.createContext("/authorize", this::authorize);
        server.createContext("/users", exchange -> respond(exchange, 200, usersJson()));
        server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "token-issuer");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** Starts on the given port (0 picks a free one). */
    public static LocalTokenIssuer start(int port) {
        return new LocalTokenIssuer(port);
    }

    public String issuer() {
        return issuer;
    }

    public String jwksUri() {
        return issuer + "/.well-known/jwks.json";
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
        return token(serviceName, List.of("SERVICE"), serviceName, null, SERVICE_LIFETIME, serviceName);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String tokenFor(DemoUser user) {
        return token(user.username(), user.roles(), user.organisation(), user.region());
    }

    /** A signed token with any claims: tests use it for users that are not demo users. */
    public String token(String subject, List<String> roles, String organisation, String region) {
        return token(subject, roles, organisation, region, LIFETIME);
    }

    private String token(String subject, List<String> roles, String organisation, String region, Duration lifetime) {
        return token(subject, roles, organisation, region, lifetime, null);
    }

    /** {@code clientId}: a service's own token names its client, as Keycloak's service-account tokens do. */
    private String token(String subject, List<String> roles, String organisation, String region, Duration lifetime,
            String clientId) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .audience("transfertafel")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", roles);
        if (organisation != null) {
            claims.claim("org", organisation);
        }
        if (region != null) {
            claims.claim("region", region);
        }
        if (clientId != null) {
            claims.claim("client_id", clientId);
        }
        return sign(claims.build());
    }

    private String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> params(HttpExchange exchange) throws IOException {
        Map<String, String> params = new LinkedHashMap<>(parse(exchange.getRequestURI().getRawQuery()));
        if ("POST".equalsIgnoreCase(exchange.getRequestMethod())) {
            params.putAll(parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        }
        return params;
    }

    /** A map keeping the given order and skipping absent (null) values. */
    private static <V> Map<String, V> orderedMap(Object... namesAndValues) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            @SuppressWarnings("unchecked")
            V value = (V) namesAndValues[i + 1];
            if (value != null) {
                map.put((String) namesAndValues[i], value);
            }
        }
        return map;
    }

    private String discovery() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer);
        document.put("jwks_uri", jwksUri());
        document.put("token_endpoint", tokenUri());
        document.put("authorization_endpoint", authorizationUri());
        document.put("response_types_supported", List.of("code"));
        document.put("grant_types_supported", List.of("authorization_code", "client_credentials"));
        document.put("code_challenge_methods_supported", List.of("S256"));
        document.put("token_endpoint_auth_methods_supported", List.of("none", "client_secret_post"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("scopes_supported", List.of("openid"));
        document.put("ui_locales_supported", List.of("nl", "en"));
        return json(document);
    }

    /** {@code GET}: the sign-in page; {@code POST}: the picked user, answered by a redirect with a code. */
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> params = params(exchange);
        AuthorizationCodeFlow.Request request = AuthorizationCodeFlow.Request.from(params);
        var unsafe = AuthorizationCodeFlow.checkRedirect(request);
        if (unsafe.isPresent()) {
            respondHtml(exchange, 400, LoginPage.error(unsafe.get().description()));
            return;
        }
        var invalid = AuthorizationCodeFlow.checkRequest(params.get("response_type"), request);
        if (invalid.isPresent()) {
            redirect(exchange, AuthorizationCodeFlow.redirect(request.redirectUri(), orderedMap(
                    "error", invalid.get().error(), "error_description", invalid.get().description(),
                    "state", request.state())));
            return;
        }
        Map<String, String> carried = orderedMap("response_type", "code", "client_id", request.clientId(),
                "redirect_uri", request.redirectUri(), "state", request.state(), "code_challenge", request.codeChallenge(),
                "code_challenge_method", request.codeChallengeMethod(), "nonce", request.nonce(),
                "scope", request.scope(), "ui_locales", request.uiLocales());
        if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
            respondHtml(exchange, 200, LoginPage.render(carried, request.uiLocales(), false, null));
            return;
        }
        if ("true".equals(params.get("cancel"))) {
            redirect(exchange, AuthorizationCodeFlow.redirect(request.redirectUri(), orderedMap(
                    "error", "access_denied", "error_description", "the user cancelled the sign-in",
                    "state", request.state())));
            return;
        }
        String typed = params.getOrDefault("typed_username", "").trim();
        String username = typed.isEmpty() ? params.get("username") : typed;
        var user = username == null ? java.util.Optional.<DemoUser>empty() : DemoUsers.find(username);
        if (user.isEmpty()) {
            respondHtml(exchange, 400, LoginPage.render(carried, request.uiLocales(), true, typed));
            return;
        }
        String code = authorizationCodes.issue(request, user.get());
        redirect(exchange, AuthorizationCodeFlow.redirect(request.redirectUri(),
                orderedMap("code", code, "state", request.state())));
    }

    private void token(HttpExchange exchange) throws IOException {
        if ("OPTIONS".equalsIgnoreCase(exchange.getRequestMethod())) {
            respond(exchange, 204, "");
            return;
        }
        Map<String, String> params = params(exchange);
        if ("client_credentials".equals(params.get("grant_type"))) {
            clientCredentials(exchange, params);
            return;
        }
        if ("authorization_code".equals(params.get("grant_type"))) {
            authorizationCode(exchange, params);
            return;
        }
        if (params.containsKey("sub") && !params.containsKey("username")) {
            anyClaims(exchange, params);
            return;
        }
        String username = params.get("username");
        var user = username == null ? java.util.Optional.<DemoUser>empty() : DemoUsers.find(username);
        if (user.isEmpty()) {
            respond(exchange, 400, json(Map.of("error", "invalid_request",
                    "error_description", "username must be one of " + DemoUsers.ALL.stream().map(DemoUser::username).toList())));
            return;
        }
        respond(exchange, 200, json(Map.of("access_token", tokenFor(user.get()), "token_type", "Bearer",
                "expires_in", LIFETIME.toSeconds())));
    }

    private void anyClaims(HttpExchange exchange, Map<String, String> params) throws IOException {
        String subject = params.get("sub").trim();
        List<String> roles = Arrays.stream(params.getOrDefault("roles", "").split(","))
                .map(String::trim).filter(role -> !role.isEmpty()).toList();
        if (subject.isEmpty() || roles.isEmpty()) {
            respond(exchange, 400, json(Map.of("error", "invalid_request",
                    "error_description", "sub and roles (comma-separated, e.g. GP or PROVIDER,ADMIN) are required")));
            return;
        }
        respond(exchange, 200, json(Map.of("access_token", token(subject, roles, blankToNull(params.get("org")),
                blankToNull(params.get("region"))), "token_type", "Bearer", "expires_in", LIFETIME.toSeconds())));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private void authorizationCode(HttpExchange exchange, Map<String, String> params) throws IOException {
        var result = authorizationCodes.redeem(params.get("code"), params.get("client_id"), params.get("redirect_uri"),
                params.get("code_verifier"));
        if (result instanceof AuthorizationCodeFlow.Result.Refused refused) {
            respond(exchange, 400, json(Map.of("error", refused.failure().error(),
                    "error_description", refused.failure().description())));
            return;
        }
        var grant = ((AuthorizationCodeFlow.Result.Granted) result).grant();
        DemoUser user = grant.user();
        respond(exchange, 200, json(orderedMap("access_token", tokenFor(user), "token_type", "Bearer",
                "expires_in", LIFETIME.toSeconds(), "scope", grant.request().scope(),
                "id_token", idToken(user, grant.request().clientId(), grant.request().nonce()))));
    }

    /** The OIDC id token: who signed in, for the client that asked (audience), echoing its nonce. */
    private String idToken(DemoUser user, String clientId, String nonce) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(user.username())
                .audience(clientId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .claim("name", user.displayName())
                .claim("preferred_username", user.username());
        if (nonce != null) {
            claims.claim("nonce", nonce);
        }
        return sign(claims.build());
    }

    private void clientCredentials(HttpExchange exchange, Map<String, String> params) throws IOException {
        String client = params.get("client_id");
        if (client == null || !SERVICE_CLIENTS.contains(client) || !serviceSecret().equals(params.get("client_secret"))) {
            respond(exchange, 401, json(Map.of("error", "invalid_client",
                    "error_description", "unknown service client or wrong secret")));
            return;
        }
        respond(exchange, 200, json(Map.of("access_token", serviceToken(client), "token_type", "Bearer",
                "expires_in", SERVICE_LIFETIME.toSeconds())));
    }

    private static Map<String, String> parse(String form) {
        Map<String, String> params = new LinkedHashMap<>();
        if (form == null || form.isBlank()) {
            return params;
        }
        Arrays.stream(form.split("&")).map(pair -> pair.split("=", 2)).filter(pair -> pair.length == 2)
                .forEach(pair -> params.put(URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
        return params;
    }

    private static String usersJson() {
        StringBuilder out = new StringBuilder("[");
        for (DemoUser user : DemoUsers.ALL) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(json(Map.of("username", user.username(), "displayName", user.displayName(),
                    "roles", user.roles(), "organisation", user.organisation(), "region", user.region())));
        }
        return out.append(']').toString();
    }

    /** Minimal JSON for flat maps of strings, numbers and string lists (no dependency needed). */
    private static String json(Map<String, ?> values) {
        StringBuilder out = new StringBuilder("{");
        values.forEach((name, value) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(quote(name)).append(':');
            if (value instanceof Number) {
                out.append(value);
            } else if (value instanceof List<?> list) {
                out.append('[').append(String.join(",", list.stream().map(v -> quote(String.valueOf(v))).toList()))
                        .append(']');
            } else {
                out.append(quote(String.valueOf(value)));
            }
        });
        return out.append('}').toString();
    }

    private static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Access-Control-Allow-Origin", "*");
        headers.set("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        headers.set("Access-Control-Allow-Headers", "Content-Type");
        headers.set("Cache-Control", "no-store");
        if (status == 204) {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
        }
        send(exchange, status, "application/json", body);
    }

    private static void respondHtml(HttpExchange exchange, int status, String body) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Cache-Control", "no-store");
        // the sign-in page is never framed (clickjacking) and runs no script
        headers.set("X-Frame-Options", "DENY");
        headers.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http://127.0.0.1:* http://localhost:*; frame-ancestors 'none'");
        send(exchange, status, "text/html; charset=utf-8", body);
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
