package nl.transfertafel.testkit;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.transfertafel.testkit.engines.PostgresServer;
import nl.transfertafel.testkit.oidc.OidcIssuer;
import nl.transfertafel.testkit.security.LocalTokenIssuer;

/**
 * The properties that connect one service to its database, the broker and the identity provider. The
 * local stack and the integration tests wire services with exactly this, so both run the same way.
 *
 * <p>The identity provider goes in through Spring Boot's standard resource-server properties: the keys
 * ({@code jwk-set-uri}), the issuer every token must name ({@code issuer-uri}) and the audience it must carry
 * ({@code audiences}), so a service checks issuer and audience whether the platform reads Boot's decoder
 * settings or its own.
 */
public final class ServiceProperties {

    private ServiceProperties() {
    }

    public static Map<String, Object> wiring(PostgresServer postgres, String database, String kafkaBootstrap,
            LocalTokenIssuer tokens) {
        return wiring(postgres, database, kafkaBootstrap, OidcIssuer.of(tokens), null);
    }

    /** As above with any identity provider; {@code service} (e.g. intake-service) picks its client secret. */
    public static Map<String, Object> wiring(PostgresServer postgres, String database, String kafkaBootstrap,
            OidcIssuer issuer, String service) {
        postgres.createDatabaseIfMissing(database);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.r2dbc.url", postgres.r2dbcUrl(database));
        properties.put("spring.r2dbc.username", postgres.username());
        properties.put("spring.r2dbc.password", postgres.password());
        properties.put("spring.flyway.url", postgres.jdbcUrl(database));
        properties.put("spring.flyway.user", postgres.username());
        properties.put("spring.flyway.password", postgres.password());
        properties.put("spring.cloud.stream.kafka.binder.brokers", kafkaBootstrap);
        properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", issuer.jwksUri());
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer.issuer());
        if (!issuer.audience().isBlank()) {
            properties.put("spring.security.oauth2.resourceserver.jwt.audiences", issuer.audience());
        }
        properties.put("transfertafel.service-auth.token-uri", issuer.tokenUri());
        properties.put("transfertafel.service-auth.client-secret", issuer.secretOf(service));
        properties.put("transfertafel.dev-keys", "true");
        properties.put("transfertafel.notification.webhook.allow-private-targets", "true");
        return properties;
    }
}
