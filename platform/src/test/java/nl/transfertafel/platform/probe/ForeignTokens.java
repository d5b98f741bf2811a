package nl.transfertafel.platform.probe;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import nl.transfertafel.testkit.TestStack;

/**
 * Tokens with any claims and headers, signed with a key of the test's own that the probe trusts: the
 * probe's JWKS is this server's, which serves the test issuer's keys and this key side by side. So
 * the usual demo-user tokens keep working, and a test can also send what the token issuer would
 * never make (another audience, another issuer, an ID token, a service token naming another client).
 */
public final class ForeignTokens {

    private static RSAKey key;
    private static HttpServer server;

    private ForeignTokens() {
    }

    /** The JWKS URI the probe validates against: the test issuer's keys plus this key. */
    public static synchronized String jwksUri() {
        if (server == null) {
            try {
                key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID("foreign-" + UUID.randomUUID())
                        .generate();
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/jwks.json", exchange -> {
                List<JWK> keys = new ArrayList<>();
                try {
                    keys.addAll(JWKSet.load(new URL(TestStack.tokens().jwksUri())).getKeys());
                } catch (java.text.ParseException e) {
                    throw new IOException(e);
                }
                keys.add(key.toPublicJWK());
                byte[] body = new JWKSet(keys).toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "foreign-jwks-stop"));
        }
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
    }

    /** Claims as the test issuer would set them for a GP (its issuer, audience {@code transfertafel}); change any. */
    public static JWTClaimsSet.Builder gpClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(TestStack.tokens().issuer())
                .subject("gp-foreign")
                .audience("transfertafel")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", List.of("GP"))
                .claim("org", "01234567")
                .claim("region", "rotterdam");
    }

    public static String sign(JWTClaimsSet.Builder claims) {
        return sign(claims, header -> { });
    }

    public static String sign(JWTClaimsSet.Builder claims, Consumer<JWSHeader.Builder> header) {
        jwksUri();
        try {
            JWSHeader.Builder builder = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT);
            header.accept(builder);
            SignedJWT jwt = new SignedJWT(builder.build(), claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
