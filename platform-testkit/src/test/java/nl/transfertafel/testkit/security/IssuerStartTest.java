package nl.transfertafel.testkit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Where the issuer listens and what it says when it cannot. */
class IssuerStartTest {

    @Test
    void the_issuer_is_the_transfertafel_path_on_loopback() {
        try (LocalTokenIssuer issuer = LocalTokenIssuer.start(0)) {
            assertThat(issuer.issuer()).isEqualTo("http://127.0.0.1:" + issuer.port() + "/transfertafel");
            assertThat(issuer.jwksUri()).isEqualTo(issuer.issuer() + "/jwks");
            assertThat(issuer.tokenUri()).isEqualTo(issuer.issuer() + "/token");
            assertThat(issuer.authorizationUri()).isEqualTo(issuer.issuer() + "/authorize");
        }
    }

    @Test
    void a_taken_port_is_refused_naming_it() {
        try (LocalTokenIssuer first = LocalTokenIssuer.start(0)) {
            assertThatThrownBy(() -> LocalTokenIssuer.start(first.port()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("127.0.0.1:" + first.port());
        }
    }
}
