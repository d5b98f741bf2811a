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
 * <li>{@code POST /token} with {@code grant_type=client_credentials}, {@code client_id} (one of
 * {@link #SERVICE_CLIENTS}) and {@code client_secret} ({@link #serviceSecret()}): a token for that
 * service with role {@code SERVICE}, for the few calls between services</li>
 * <li>{@code GET /users}: the demo users and their claims</li>
 * </ul>
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
        server.createContext("/.well-known/openid-configuration", exchange -> respond(exchange, 200, json(Map.of(
                "issuer", issuer, "jwks_uri", jwksUri(), "token_endpoint", issuer + "/token"))));
        server.createContext("/token", this::token);
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

    public static String serviceSecret() {
        String configured = System.getenv("TRANSFERTAFEL_SERVICE_SECRET");
        return configured == null || configured.isBlank() ? DEFAULT_SERVICE_SECRET : configured;
    }

    /** The token a service gets by the client-credentials grant. */
    public String serviceToken(String serviceName) {
        return token(serviceName, List.of("SERVICE"), serviceName, null, SERVICE_LIFETIME);
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
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> params = new LinkedHashMap<>(parse(exchange.getRequestURI().getRawQuery()));
        if ("POST".equalsIgnoreCase(exchange.getRequestMethod())) {
            params.putAll(parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        }
        if ("client_credentials".equals(params.get("grant_type"))) {
            clientCredentials(exchange, params);
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
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
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
