package nl.transfertafel.coordinatorui;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.net.URI;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves the coordinator page. Its files lie in this jar under {@code META-INF/resources/coordinator/}
 * and are served as static resources by the host service (transfer-table-service); this adds what
 * static serving does not: {@code /coordinator/} answers with {@code index.html} (with the page's
 * Content-Security-Policy), and {@code /coordinator/config.json} tells the page where to sign in and
 * where the other services answer. Active only where {@code transfertafel.coordinator-ui.enabled=true}
 * (all four services share one class path in the local stack; only the transfer table serves the page).
 * The host lists {@code /coordinator/**} in {@code transfertafel.security.public-paths}: the page and
 * its configuration are public, every API call it makes carries the user's bearer token.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnProperty(name = "transfertafel.coordinator-ui.enabled", havingValue = "true")
public class CoordinatorPageConfiguration {

    static final String INDEX = "META-INF/resources/coordinator/index.html";

    @Bean
    RouterFunction<ServerResponse> coordinatorPage(Environment environment) {
        return routes(CoordinatorPageSettings.from(environment));
    }

    static RouterFunction<ServerResponse> routes(CoordinatorPageSettings settings) {
        ClassPathResource index = new ClassPathResource(INDEX);
        String policy = settings.contentSecurityPolicy();
        return route(GET("/coordinator"), request -> ServerResponse.permanentRedirect(URI.create("/coordinator/")).build())
                .andRoute(GET("/coordinator/"), request -> ServerResponse.ok()
                        .contentType(MediaType.TEXT_HTML)
                        .cacheControl(CacheControl.noCache())
                        .header("Content-Security-Policy", policy)
                        .header("Referrer-Policy", "no-referrer")
                        .bodyValue(index))
                .andRoute(GET("/coordinator/config.json"), request -> ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .cacheControl(CacheControl.noCache())
                        .bodyValue(settings.asJson()));
    }
}
