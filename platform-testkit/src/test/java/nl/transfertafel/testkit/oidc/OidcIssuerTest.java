package nl.transfertafel.testkit.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.Map;
import nl.transfertafel.testkit.ServiceProperties;
import nl.transfertafel.testkit.engines.SharedEngines;
import nl.transfertafel.testkit.security.LocalTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An external OIDC provider is found from its discovery document and wired through Spring's standard properties. */
class OidcIssuerTest {

    private static LocalTokenIssuer provider;

    @BeforeAll
    static void start() {
        // the local issuer (mock-oauth2-server) serves a discovery document like any OIDC provider
        provider = LocalTokenIssuer.start(0);
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    @Test
    void discovery_gives_the_keys_and_token_endpoint_and_each_service_its_own_secret() {
        OidcIssuer issuer = OidcIssuer.discover(provider.issuer() + "/", "transfertafel",
                Map.of("intake-service", "intake-secret", "capacity-service", "capacity-secret"));

        assertThat(issuer.issuer()).isEqualTo(provider.issuer());
        assertThat(issuer.jwksUri()).isEqualTo(provider.jwksUri());
        assertThat(issuer.tokenUri()).isEqualTo(provider.tokenUri());
        assertThat(issuer.secretOf("intake-service")).isEqualTo("intake-secret");
        assertThat(issuer.secretOf("capacity-service")).isEqualTo("capacity-secret");
    }

    @Test
    void an_address_that_is_no_oidc_provider_is_refused_with_the_reason() throws Exception {
        // a web server without a discovery document (mock-oauth2-server itself answers for any issuer path)
        HttpServer nothing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        nothing.start();
        try {
            assertThatThrownBy(() -> OidcIssuer.discover("http://127.0.0.1:" + nothing.getAddress().getPort()
                    + "/realms/none", "transfertafel", Map.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("discovery document");
        } finally {
            nothing.stop(0);
        }
    }

    @Test
    void the_services_are_told_the_issuer_and_audience_through_springs_resource_server_properties() {
        OidcIssuer issuer = new OidcIssuer("https://login.example.org/realms/transfertafel",
                "https://login.example.org/realms/transfertafel/protocol/openid-connect/certs",
                "https://login.example.org/realms/transfertafel/protocol/openid-connect/token", "transfertafel",
                Map.of("intake-service", "s3cret"), null);

        Map<String, Object> properties = ServiceProperties.wiring(SharedEngines.postgres(), "oidc_wiring",
                "127.0.0.1:9092", issuer, "intake-service");

        assertThat(properties).containsEntry("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer.issuer())
                .containsEntry("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", issuer.jwksUri())
                .containsEntry("spring.security.oauth2.resourceserver.jwt.audiences", "transfertafel")
                .containsEntry("transfertafel.service-auth.token-uri", issuer.tokenUri())
                .containsEntry("transfertafel.service-auth.client-secret", "s3cret");
    }

    @Test
    void a_service_token_of_the_local_issuer_names_its_client_like_keycloaks() throws Exception {
        var claims = SignedJWT.parse(provider.serviceToken("notification-service")).getJWTClaimsSet();

        assertThat(claims.getStringClaim("client_id")).isEqualTo("notification-service");
        assertThat(claims.getAudience()).containsExactly(OidcIssuer.AUDIENCE);
        assertThat(SignedJWT.parse(provider.tokenFor(nl.transfertafel.testkit.security.DemoUsers.GP))
                .getJWTClaimsSet().getClaim("client_id")).isNull();
    }
}
