package nl.transfertafel.testkit.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The development issuer mints a token with the claims a load harness asks for, over plain HTTP. */
class TokenWithAnyClaimsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static LocalTokenIssuer issuer;

    @BeforeAll
    static void start() {
        issuer = LocalTokenIssuer.start(0);
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @Test
    void a_harness_gets_a_gp_practice_token_with_the_claims_it_named() throws Exception {
        HttpResponse<String> answer = get("/token?sub=gp-01000077&roles=GP&org=01000077&region=utrecht");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        var claims = SignedJWT.parse(accessToken(answer.body())).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("gp-01000077");
        assertThat(claims.getStringListClaim("roles")).containsExactly("GP");
        assertThat(claims.getStringClaim("org")).isEqualTo("01000077");
        assertThat(claims.getStringClaim("region")).isEqualTo("utrecht");
        assertThat(claims.getIssuer()).isEqualTo(issuer.issuer());
    }

    @Test
    void several_roles_are_comma_separated_and_org_and_region_may_be_left_out() throws Exception {
        HttpResponse<String> answer = get("/token?sub=ops&roles=PROVIDER,%20ADMIN");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        var claims = SignedJWT.parse(accessToken(answer.body())).getJWTClaimsSet();
        assertThat(claims.getStringListClaim("roles")).containsExactly("PROVIDER", "ADMIN");
        assertThat(claims.getClaim("org")).isNull();
        assertThat(claims.getClaim("region")).isNull();
    }

    @Test
    void a_token_without_roles_is_refused() {
        HttpResponse<String> answer = get("/token?sub=nobody&org=01000077");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("invalid_request").contains("roles");
    }

    @Test
    void demo_users_still_get_their_token_by_username() throws Exception {
        HttpResponse<String> answer = get("/token?username=huisarts");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(SignedJWT.parse(accessToken(answer.body())).getJWTClaimsSet().getSubject()).isEqualTo("huisarts");
    }

    @Test
    void the_demo_users_for_tenancy_and_four_eyes_get_their_own_organisation_and_region() throws Exception {
        for (DemoUser user : java.util.List.of(DemoUsers.SECOND_GP, DemoUsers.SECOND_PROVIDER, DemoUsers.COORDINATOR_A2,
                DemoUsers.COORDINATOR_C, DemoUsers.COORDINATOR_OTHER_REGION)) {
            HttpResponse<String> answer = get("/token?username=" + user.username());

            assertThat(answer.statusCode()).as(user.username() + ": " + answer.body()).isEqualTo(200);
            var claims = SignedJWT.parse(accessToken(answer.body())).getJWTClaimsSet();
            assertThat(claims.getSubject()).isEqualTo(user.username());
            assertThat(claims.getStringListClaim("roles")).as(user.username()).isEqualTo(user.roles());
            assertThat(claims.getStringClaim("org")).as(user.username()).isEqualTo(user.organisation());
            assertThat(claims.getStringClaim("region")).as(user.username()).isEqualTo(user.region());
        }
        assertThat(DemoUsers.COORDINATOR_A2.organisation()).isEqualTo(DemoUsers.COORDINATOR_A.organisation());
        assertThat(DemoUsers.COORDINATOR_C.organisation()).isNotIn(DemoUsers.COORDINATOR_A.organisation(),
                DemoUsers.COORDINATOR_B.organisation());
        assertThat(DemoUsers.COORDINATOR_OTHER_REGION.region()).isNotEqualTo(DemoUsers.REGION);
        assertThat(DemoUsers.SECOND_GP.organisation()).isNotEqualTo(DemoUsers.GP.organisation());
        assertThat(DemoUsers.SECOND_PROVIDER.organisation()).isNotEqualTo(DemoUsers.PROVIDER.organisation());
        assertThat(DemoUsers.ALL).extracting(DemoUser::username).doesNotHaveDuplicates();
    }

    private static String accessToken(String body) {
        Matcher matcher = ACCESS_TOKEN.matcher(body);
        assertThat(matcher.find()).as(body).isTrue();
        return matcher.group(1);
    }

    private static HttpResponse<String> get(String pathAndQuery) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(issuer.issuer() + pathAndQuery)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
