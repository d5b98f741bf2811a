package nl.transfertafel.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
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
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import nl.transfertafel.platform.web.FirewallRejections;
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
 * from {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}; issuer from {@code ...jwt.issuer-uri}
 * and audience from {@code ...jwt.audiences}, Spring Boot's own properties; ID tokens refused by
 * {@link AccessTokensOnly}), roles from the {@code roles} claim, method security for per-endpoint
 * roles, service tokens tied to the paths listed for them ({@link ServiceCallers}), and 401/403
 * answered as problem+json. Only health, info and the API documents (OpenAPI, AsyncAPI) are open, plus the paths a
 * service lists in {@code transfertafel.security.public-paths} (static pages that log in by
 * themselves); the other actuator endpoints (Prometheus) need role {@code METRICS} or {@code ADMIN}.
 */
@AutoConfiguration
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
public class SecurityConfiguration {

    private static final String[] OPEN = {
            "/actuator/health", "/actuator/health/**", "/actuator/info",
            "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**",
            // the AsyncAPI document of the events (web.AsyncApiEndpoint): as public as the OpenAPI one
            "/asyncapi.json", "/asyncapi"};

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** The prefix of the properties naming which service may call which service-only path. */
    public static final String SERVICE_CALLERS = "transfertafel.security.service-callers";

    @Bean
    SecurityWebFilterChain transfertafelSecurity(ServerHttpSecurity http, Environment environment,
            @Value("${transfertafel.security.public-paths:}") List<String> publicPaths,
            @Value("${transfertafel.security.cors-allowed-origins:}") List<String> corsOrigins) {
        if (!environment.containsProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri")) {
            log.warn("spring.security.oauth2.resourceserver.jwt.issuer-uri is not set: tokens are not checked for their "
                    + "issuer (acceptable for the local stack and tests only; every deployment sets it)");
        }
        ServiceCallers serviceCallers = new ServiceCallers(Binder.get(environment)
                .bind(SERVICE_CALLERS, Bindable.mapOf(String.class, String.class))
                .orElse(Map.of()).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue().split(",")))));
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
                        // metrics show waiting counts per region: a scraper's token (or an administrator's)
                        .pathMatchers("/actuator/**").hasAnyRole(Role.METRICS.name(), Role.ADMIN.name())
                        .anyExchange().access(serviceCallers))
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(SecurityConfiguration::authentication))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .addFilterAfter(new TokenShape(ServerWebExchangeMatchers.pathMatchers(open.toArray(String[]::new))),
                        SecurityWebFiltersOrder.AUTHENTICATION)
                // the caller's region in every log line of the request (RegionMdc)
                .addFilterAfter(new RegionOfCaller(), SecurityWebFiltersOrder.AUTHORIZATION)
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
        if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
            // every audit row, idempotency key and notification names the caller: no subject, no caller (401)
            return Mono.error(new InvalidBearerTokenException("the token carries no sub claim"));
        }
        Collection<GrantedAuthority> authorities = new ArrayList<>();
        Actor.from(jwt).roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
        return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getSubject()));
    }

    /** Requests the exchange firewall refuses are answered as problem+json (WebFluxSecurityConfiguration uses this bean). */
    @Bean
    ServerExchangeRejectedHandler firewallRejections() {
        return new FirewallRejections();
    }

    /** Boot adds this to the validators of its JWT decoder (beside signature, expiry, issuer and audience). */
    /** Tokens the decoder accepted are not verified again until they expire: {@link VerifiedTokens}. */
    @Bean
    static org.springframework.beans.factory.config.BeanPostProcessor verifiedTokensDecorator() {
        return VerifiedTokens.rememberingDecoders();
    }

    @Bean
    AccessTokensOnly accessTokensOnly() {
        return new AccessTokensOnly();
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
