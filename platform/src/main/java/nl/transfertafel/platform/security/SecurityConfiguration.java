package nl.transfertafel.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import nl.transfertafel.platform.web.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import reactor.core.publisher.Mono;

/**
 * The one security setup of all four services: an OAuth2 resource server validating JWTs (JWKS
 * from {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}), roles from the {@code roles}
 * claim, method security for per-endpoint roles, and 401/403 answered as problem+json. Only health,
 * Prometheus and the API documents are open, plus the paths a service lists in
 * {@code transfertafel.security.public-paths} (static pages that log in by themselves).
 */
@AutoConfiguration
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
public class SecurityConfiguration {

    private static final String[] OPEN = {
            "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**"};

    @Bean
    SecurityWebFilterChain transfertafelSecurity(ServerHttpSecurity http,
            @Value("${transfertafel.security.public-paths:}") List<String> publicPaths,
            @Value("${transfertafel.security.cors-allowed-origins:}") List<String> corsOrigins) {
        List<String> open = new ArrayList<>(List.of(OPEN));
        publicPaths.stream().filter(path -> !path.isBlank()).forEach(open::add);
        ServerAuthenticationEntryPoint unauthenticated = (exchange, e) ->
                Problems.write(exchange, HttpStatus.UNAUTHORIZED, "Authentication required",
                        "Send a valid bearer token (OAuth2 JWT).");
        ServerAccessDeniedHandler denied = (exchange, e) ->
                Problems.write(exchange, HttpStatus.FORBIDDEN, "Forbidden",
                        "Your role or organisation does not allow this.");
        return http
                .cors(cors -> cors.configurationSource(corsConfiguration(corsOrigins)))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(open.toArray(String[]::new)).permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(SecurityConfiguration::authentication))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .build();
    }

    /**
     * Browser pages of one service (the coordinator page) read figures of another with the user's
     * own bearer token; only the configured origins (patterns such as {@code http://127.0.0.1:*})
     * may. No cookies are involved, so no credentials are allowed.
     */
    static CorsConfigurationSource corsConfiguration(List<String> origins) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        List<String> allowed = origins.stream().filter(origin -> !origin.isBlank()).toList();
        if (!allowed.isEmpty()) {
            CorsConfiguration api = new CorsConfiguration();
            api.setAllowedOriginPatterns(allowed);
            api.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
            api.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "Accept-Language"));
            api.setMaxAge(3600L);
            source.registerCorsConfiguration("/api/**", api);
        }
        return source;
    }

    static Mono<AbstractAuthenticationToken> authentication(Jwt jwt) {
        Collection<GrantedAuthority> authorities = new ArrayList<>();
        Actor.from(jwt).roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
        return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getSubject()));
    }

    @Bean
    WebFluxConfigurer actorArgumentResolverConfigurer() {
        return new WebFluxConfigurer() {
            @Override
            public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
                configurer.addCustomResolver(new ActorArgumentResolver());
            }
        };
    }
}
