package nl.transfertafel.testkit.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The OAuth2 authorization-code grant with PKCE (RFC 6749 section 4.1, RFC 7636), as the local
 * token issuer offers it to browser pages such as the coordinator page: the page sends the user to
 * {@code /authorize}, the user picks a demo user, the issuer redirects back with a one-time code,
 * and the page exchanges code + {@code code_verifier} at {@code /token}. Public clients only (no
 * client secret): PKCE with {@code S256} is mandatory, codes live two minutes and work once, and a
 * code is bound to the client id and redirect URI it was issued for.
 *
 * <p>Being a development issuer it redirects only to loopback addresses ({@code 127.0.0.1},
 * {@code localhost}, {@code [::1]}): it never sends a code to another host.
 */
final class AuthorizationCodeFlow {

    static final Duration CODE_LIFETIME = Duration.ofMinutes(2);
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");
    /** RFC 7636 section 4.1: 43 to 128 characters of the unreserved set. */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");

    /** What the client asked for at {@code /authorize}. */
    record Request(String clientId, String redirectUri, String state, String codeChallenge,
            String codeChallengeMethod, String nonce, String scope, String uiLocales) {

        static Request from(Map<String, String> params) {
            return new Request(params.get("client_id"), params.get("redirect_uri"), params.get("state"),
                    params.get("code_challenge"), params.get("code_challenge_method"), params.get("nonce"),
                    params.getOrDefault("scope", "openid"), params.get("ui_locales"));
        }
    }

    /** A code handed out and not yet redeemed. */
    record Grant(Request request, DemoUser user, Instant expiresAt) {
    }

    /** Why a request was refused, as the OAuth2 error code and a description for people. */
    record Failure(String error, String description) {
    }

    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    AuthorizationCodeFlow(Clock clock) {
        this.clock = clock;
    }

    /**
     * Whether the redirect URI may receive anything at all. When it may not, the error is shown to
     * the user instead of being redirected (RFC 6749 section 4.1.2.1).
     */
    static Optional<Failure> checkRedirect(Request request) {
        if (request.clientId() == null || request.clientId().isBlank()) {
            return Optional.of(new Failure("invalid_request", "client_id is missing"));
        }
        if (request.redirectUri() == null) {
            return Optional.of(new Failure("invalid_request", "redirect_uri is missing"));
        }
        try {
            URI uri = new URI(request.redirectUri());
            boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if (!web || uri.getHost() == null || !LOOPBACK.contains(uri.getHost()) || uri.getFragment() != null) {
                return Optional.of(new Failure("invalid_request",
                        "redirect_uri must be an http(s) address on this machine (127.0.0.1, localhost) without a fragment"));
            }
        } catch (URISyntaxException e) {
            return Optional.of(new Failure("invalid_request", "redirect_uri is not a valid URI"));
        }
        return Optional.empty();
    }

    /** The checks whose failure is reported back to the client by redirect. */
    static Optional<Failure> checkRequest(String responseType, Request request) {
        if (!"code".equals(responseType)) {
            return Optional.of(new Failure("unsupported_response_type", "only response_type=code is supported"));
        }
        if (request.codeChallenge() == null || request.codeChallenge().isBlank()) {
            return Optional.of(new Failure("invalid_request", "PKCE is required: send code_challenge"));
        }
        if (!"S256".equals(request.codeChallengeMethod())) {
            return Optional.of(new Failure("invalid_request", "code_challenge_method must be S256"));
        }
        return Optional.empty();
    }

    /** Issues a one-time code for the user the person picked. */
    String issue(Request request, DemoUser user) {
        purgeExpired();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        codes.put(code, new Grant(request, user, clock.instant().plus(CODE_LIFETIME)));
        return code;
    }

    /** Redeems a code once: the client, the redirect URI and the PKCE verifier must all match. */
    Result redeem(String code, String clientId, String redirectUri, String codeVerifier) {
        Grant grant = code == null ? null : codes.remove(code);
        if (grant == null) {
            return new Result.Refused(new Failure("invalid_grant", "unknown or already used authorization code"));
        }
        if (clock.instant().isAfter(grant.expiresAt())) {
            return new Result.Refused(new Failure("invalid_grant", "the authorization code has expired"));
        }
        if (!grant.request().clientId().equals(clientId) || !grant.request().redirectUri().equals(redirectUri)) {
            return new Result.Refused(new Failure("invalid_grant",
                    "client_id and redirect_uri must be those of the authorization request"));
        }
        if (codeVerifier == null || !VERIFIER.matcher(codeVerifier).matches()) {
            return new Result.Refused(new Failure("invalid_grant",
                    "code_verifier must be 43 to 128 characters of [A-Za-z0-9-._~]"));
        }
        if (!s256(codeVerifier).equals(grant.request().codeChallenge())) {
            return new Result.Refused(new Failure("invalid_grant", "code_verifier does not match the code_challenge"));
        }
        return new Result.Granted(grant);
    }

    sealed interface Result {
        record Granted(Grant grant) implements Result {
        }

        record Refused(Failure failure) implements Result {
        }
    }

    /** {@code BASE64URL(SHA256(ASCII(verifier)))}, RFC 7636 section 4.2. */
    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The redirect URI with the given parameters appended (keeping any query it already has). */
    static String redirect(String redirectUri, Map<String, String> params) {
        StringBuilder out = new StringBuilder(redirectUri);
        char separator = redirectUri.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> param : params.entrySet()) {
            if (param.getValue() == null) {
                continue;
            }
            out.append(separator).append(param.getKey()).append('=')
                    .append(URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return out.toString();
    }

    private void purgeExpired() {
        Instant now = clock.instant();
        codes.values().removeIf(grant -> now.isAfter(grant.expiresAt()));
    }
}
