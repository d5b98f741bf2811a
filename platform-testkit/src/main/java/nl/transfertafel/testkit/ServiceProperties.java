package nl.transfertafel.testkit;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.transfertafel.testkit.engines.PostgresServer;
import nl.transfertafel.testkit.security.LocalTokenIssuer;

/**
 * The properties that connect one service to its database, the broker and the token issuer. The
 * local stack and the integration tests wire services with exactly this, so both run the same way.
 */
public final class ServiceProperties {

    private ServiceProperties() {
    }

    public static Map<String, Object> wiring(PostgresServer postgres, String database, String kafkaBootstrap,
            LocalTokenIssuer tokens) {
        postgres.createDatabaseIfMissing(database);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.r2dbc.url", postgres.r2dbcUrl(database));
        properties.put("spring.r2dbc.username", postgres.username());
        properties.put("spring.r2dbc.password", postgres.password());
        properties.put("spring.flyway.url", postgres.jdbcUrl(database));
        properties.put("spring.flyway.user", postgres.username());
        properties.put("spring.flyway.password", postgres.password());
        properties.put("spring.cloud.stream.kafka.binder.brokers", kafkaBootstrap);
        properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", tokens.jwksUri());
        properties.put("transfertafel.service-auth.token-uri", tokens.tokenUri());
        properties.put("transfertafel.service-auth.client-secret", LocalTokenIssuer.serviceSecret());
        properties.put("transfertafel.dev-keys", "true");
        properties.put("transfertafel.notification.webhook.allow-private-targets", "true");
        return properties;
    }
}
