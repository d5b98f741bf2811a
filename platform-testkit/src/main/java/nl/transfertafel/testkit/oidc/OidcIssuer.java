package nl.transfertafel.testkit.oidc;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import nl.transfertafel.testkit.security.LocalTokenIssuer;

/**
 * The identity provider the services trust, as the wiring needs it: the issuer (validated in every token),
 * where its keys and its token endpoint are, the audience the services' access tokens carry, and each
 * service's client secret for its own client-credentials token (client id = service name). Either the local
 * token issuer or an external OIDC provider such as Keycloak, found from its discovery document.
 *
 * @param audience the audience every access token must carry; blank: not checked
 * @param serviceSecrets client secret by service name; {@code defaultSecret} for the others
 */
public record OidcIssuer(String issuer, String jwksUri, String tokenUri, String audience,
        Map<String, String> serviceSecrets, String defaultSecret) {

    /** The audience deploy/keycloak's realm and the local token issuer put into access tokens. */
    public static final String AUDIENCE = "transfertafel";

    public OidcIssuer {
        serviceSecrets = Map.copyOf(serviceSecrets);
    }

    /** The local token issuer: one shared development secret for every service. */
    public static OidcIssuer of(LocalTokenIssuer tokens) {
        return new OidcIssuer(tokens.issuer(), tokens.jwksUri(), tokens.tokenUri(), AUDIENCE, Map.of(),
                LocalTokenIssuer.serviceSecret());
    }

    /**
     * An external provider, from {@code <issuer>/.well-known/openid-configuration} (OpenID Connect Discovery):
     * its keys and token endpoint; the document's issuer must be the one asked for, since the services compare
     * it with every token's {@code iss}.
     */
    public static OidcIssuer discover(String issuerUri, String audience, Map<String, String> serviceSecrets) {
        String issuer = issuerUri.endsWith("/") ? issuerUri.substring(0, issuerUri.length() - 1) : issuerUri;
        String document;
        try {
            HttpResponse<String> answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalArgumentException("The OIDC provider at " + issuer + " answered " + answer.statusCode()
                        + " for its discovery document (is the issuer URI the realm's, e.g. .../realms/transfertafel?)");
            }
            document = answer.body();
        } catch (IOException e) {
            throw new IllegalArgumentException("No OIDC provider answers at " + issuer + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        try {
            Map<String, Object> discovery = JSONObjectUtils.parse(document);
            String announced = String.valueOf(discovery.get("issuer"));
            if (!issuer.equals(announced)) {
                throw new IllegalArgumentException("The OIDC provider calls itself " + announced + ", not " + issuer
                        + ": use exactly its issuer (tokens are checked against it)");
            }
            return new OidcIssuer(issuer, String.valueOf(discovery.get("jwks_uri")),
                    String.valueOf(discovery.get("token_endpoint")), audience == null ? "" : audience.trim(),
                    serviceSecrets, null);
        } catch (ParseException e) {
            throw new IllegalArgumentException("The discovery document of " + issuer + " is not JSON", e);
        }
    }

    /** The client secret of a service (by its name, e.g. intake-service). */
    public String secretOf(String service) {
        String secret = service == null ? null : serviceSecrets.get(service);
        return secret != null ? secret : defaultSecret;
    }
}
