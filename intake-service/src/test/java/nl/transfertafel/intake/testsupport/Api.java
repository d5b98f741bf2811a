package nl.transfertafel.intake.testsupport;

import nl.transfertafel.intake.referral.web.ReferralViews.ReferralCreated;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The service's HTTP API as tests call it, with a bearer token per call. */
public final class Api {

    private final WebTestClient web;

    public Api(WebTestClient web) {
        this.web = web;
    }

    public WebTestClient.ResponseSpec post(String token, String path, String body) {
        return post(token, path, body, null);
    }

    public WebTestClient.ResponseSpec post(String token, String path, String body, String idempotencyKey) {
        return web.post().uri(path)
                .headers(h -> {
                    h.setBearerAuth(token);
                    if (idempotencyKey != null) {
                        h.set("Idempotency-Key", idempotencyKey);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    public WebTestClient.ResponseSpec put(String token, String path, String body) {
        return web.put().uri(path).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    public WebTestClient.ResponseSpec get(String token, String path) {
        return web.get().uri(path).headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
        }).exchange();
    }

    public ReferralCreated refer(String gpToken, ReferralJson referral) {
        return post(gpToken, "/api/v1/referrals", referral.json()).expectStatus().isCreated()
                .expectBody(ReferralCreated.class).returnResult().getResponseBody();
    }

    public ReferralCreated onboard(String providerToken, ReferralJson entry) {
        return post(providerToken, "/api/v1/waiting-list/entries", entry.json()).expectStatus().isCreated()
                .expectBody(ReferralCreated.class).returnResult().getResponseBody();
    }
}
