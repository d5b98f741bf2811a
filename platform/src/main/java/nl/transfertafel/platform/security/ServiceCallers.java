package nl.transfertafel.platform.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Which service may call which service-only endpoint, in one place: the properties
 * {@code transfertafel.security.service-callers[<path pattern>]=<client id>,...} of each service.
 * A token with role {@code SERVICE} gets through only to a path listed there, and only when its
 * client id is listed for it; any other token only needs to be authenticated here (its roles are
 * checked by the endpoint's {@code @PreAuthorize}). Fail closed: a service token for a path nobody
 * listed is refused, so a new service-only endpoint is unreachable for services until it is listed.
 *
 * <p>The client id is the claim {@code client_id} (Keycloak's service accounts, RFC 9068), else
 * {@code azp} (the OIDC authorised party), else {@code org}: the development token issuer in
 * platform-testkit names the calling service only there (role {@code SERVICE} is documented as
 * "organisation = the calling service").
 */
public final class ServiceCallers implements ReactiveAuthorizationManager<AuthorizationContext> {

    private static final String SERVICE_AUTHORITY = "ROLE_" + Role.SERVICE.name();

    private final Map<PathPattern, List<String>> callers = new LinkedHashMap<>();

    public ServiceCallers(Map<String, List<String>> configured) {
        configured.forEach((pattern, clients) -> callers.put(PathPatternParser.defaultInstance.parse(pattern),
                clients.stream().map(String::trim).filter(client -> !client.isEmpty()).toList()));
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        PathContainer path = context.getExchange().getRequest().getPath().pathWithinApplication();
        return authentication
                .filter(Authentication::isAuthenticated)
                .map(caller -> (AuthorizationResult) new AuthorizationDecision(mayCall(caller, path)))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }

    boolean mayCall(Authentication caller, PathContainer path) {
        boolean service = caller.getAuthorities().stream().anyMatch(a -> SERVICE_AUTHORITY.equals(a.getAuthority()));
        if (!service) {
            return true;
        }
        Optional<String> client = clientId(caller.getPrincipal());
        return client.isPresent() && callers.entrySet().stream()
                .filter(entry -> entry.getKey().matches(path))
                .anyMatch(entry -> entry.getValue().contains(client.get()));
    }

    static Optional<String> clientId(Object principal) {
        if (!(principal instanceof Jwt jwt)) {
            return Optional.empty();
        }
        for (String claim : List.of("client_id", "azp", Actor.CLAIM_ORGANISATION)) {
            String value = jwt.getClaimAsString(claim);
            if (value != null && !value.isBlank()) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
