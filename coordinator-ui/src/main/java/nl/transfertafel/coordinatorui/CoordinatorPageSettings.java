package nl.transfertafel.coordinatorui;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.core.env.Environment;

/**
 * What the coordinator page needs to know at run time: the OIDC provider it signs in with (the local
 * token issuer in the embedded default; Keycloak or any OIDC provider in production), its public
 * client id, and where the other services answer for the browser (figures of intake-service and
 * capacity-service, the notification inbox). The transfer table itself is the page's own origin.
 *
 * <ul>
 *   <li>{@code transfertafel.coordinator-ui.issuer-uri} (else {@code TRANSFERTAFEL_OIDC_ISSUER}, else
 *       {@code http://127.0.0.1:8090/transfertafel}): the issuer; the page reads its discovery document</li>
 *   <li>{@code transfertafel.coordinator-ui.client-id} ({@code coordinator-ui}), {@code .scope}
 *       ({@code openid})</li>
 *   <li>{@code transfertafel.coordinator-ui.intake-url}, {@code .capacity-url}, {@code .notification-url}:
 *       the addresses as a browser reaches them, when they differ from the service-to-service ones
 *       ({@code transfertafel.services.*-url}, the default)</li>
 * </ul>
 */
public record CoordinatorPageSettings(String issuerUri, String clientId, String scope, Map<String, String> services) {

    static final String PREFIX = "transfertafel.coordinator-ui.";

    public static CoordinatorPageSettings from(Environment environment) {
        String issuer = environment.getProperty(PREFIX + "issuer-uri",
                environment.getProperty("TRANSFERTAFEL_OIDC_ISSUER", "http://127.0.0.1:8090/transfertafel"));
        Map<String, String> services = new LinkedHashMap<>();
        for (String service : new String[] {"intake", "capacity", "notification"}) {
            String url = environment.getProperty(PREFIX + service + "-url",
                    environment.getProperty("transfertafel.services." + service + "-url", ""));
            services.put(service, trimSlash(url));
        }
        // the page is served by the transfer table: its API is the page's own origin
        services.put("transferTable", "");
        return new CoordinatorPageSettings(trimSlash(issuer), environment.getProperty(PREFIX + "client-id", "coordinator-ui"),
                environment.getProperty(PREFIX + "scope", "openid"), services);
    }

    /** What {@code /coordinator/config.json} answers. */
    Map<String, Object> asJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("issuer", issuerUri);
        json.put("clientId", clientId);
        json.put("scope", scope);
        json.put("services", services);
        return json;
    }

    /**
     * The page's Content-Security-Policy: scripts, styles and images only from the page's own origin
     * (no inline script, so injected markup cannot run), and network access only to the issuer and
     * the services it reads from.
     */
    String contentSecurityPolicy() {
        Set<String> connect = new LinkedHashSet<>();
        connect.add("'self'");
        origin(issuerUri).ifPresent(connect::add);
        services.values().forEach(url -> origin(url).ifPresent(connect::add));
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src "
                + String.join(" ", connect) + "; base-uri 'none'; form-action 'none'; object-src 'none'; frame-ancestors 'none'";
    }

    private static java.util.Optional<String> origin(String url) {
        if (url == null || url.isBlank()) {
            return java.util.Optional.empty();
        }
        URI uri = URI.create(url);
        if (uri.getScheme() == null || uri.getHost() == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
