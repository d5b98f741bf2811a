package nl.transfertafel.platform.security;

import static nl.transfertafel.platform.probe.ForeignTokens.gpClaims;
import static nl.transfertafel.platform.probe.ForeignTokens.sign;

import nl.transfertafel.platform.probe.ProbeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Issue 11 item 8: a well-signed token still has to be an access token of this issuer, for this system. */
class TokenChecksIT extends ProbeIntegrationTest {

    @Autowired
    WebTestClient web;

    private WebTestClient.ResponseSpec scopedWith(String token) {
        return web.get().uri("/probe/scoped").headers(h -> h.setBearerAuth(token)).exchange();
    }

    private void refused(String token) {
        scopedWith(token).expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo("authentication");
    }

    @Test
    void an_access_token_of_the_configured_issuer_for_this_system_gets_through() {
        scopedWith(sign(gpClaims())).expectStatus().isOk().expectBody(String.class).isEqualTo("rotterdam/01234567");
    }

    @Test
    void a_token_for_another_audience_is_refused() {
        refused(sign(gpClaims().audience("some-other-api")));
    }

    @Test
    void a_token_without_an_audience_is_refused() {
        refused(sign(gpClaims().audience((String) null)));
    }

    @Test
    void a_token_of_another_issuer_is_refused() {
        refused(sign(gpClaims().issuer("https://login.elsewhere.example/realms/transfertafel")));
    }

    @Test
    void a_keycloak_id_token_is_refused_even_with_this_systems_audience() {
        refused(sign(gpClaims().claim("typ", "ID")));
    }

    @Test
    void an_oidc_id_token_recognised_by_its_nonce_is_refused() {
        refused(sign(gpClaims().claim("nonce", "n-0S6_WzA2Mj")));
    }

    @Test
    void an_access_token_that_says_so_may_carry_a_nonce() {
        scopedWith(sign(gpClaims().claim("typ", "Bearer").claim("nonce", "n-1"))).expectStatus().isOk();
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void the_decoder_that_checks_the_tokens_remembers_the_ones_it_accepted() {
        String token = sign(gpClaims());

        scopedWith(token).expectStatus().isOk();
        scopedWith(token).expectStatus().isOk();

        org.assertj.core.api.Assertions.assertThat(context.getBean(
                org.springframework.security.oauth2.jwt.ReactiveJwtDecoder.class)).isInstanceOf(VerifiedTokens.class);
        org.assertj.core.api.Assertions.assertThat(((VerifiedTokens) context.getBean(
                org.springframework.security.oauth2.jwt.ReactiveJwtDecoder.class)).remembered()).isPositive();
    }
}
