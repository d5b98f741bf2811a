package nl.transfertafel.testkit;

import java.util.Map;
import nl.transfertafel.testkit.engines.SharedEngines;
import nl.transfertafel.testkit.security.LocalTokenIssuer;

/**
 * What an integration test needs: the JVM-wide PostgreSQL and Kafka (embedded, or external when
 * configured) and one token issuer. Use from {@code @DynamicPropertySource}:
 * {@code TestStack.wiring("intake").forEach((k, v) -> registry.add(k, () -> v))}.
 */
public final class TestStack {

    private static LocalTokenIssuer tokens;

    private TestStack() {
    }

    public static synchronized LocalTokenIssuer tokens() {
        if (tokens == null) {
            tokens = LocalTokenIssuer.start(0);
            Runtime.getRuntime().addShutdownHook(new Thread(tokens::close, "token-issuer-stop"));
        }
        return tokens;
    }

    public static Map<String, Object> wiring(String database) {
        return ServiceProperties.wiring(SharedEngines.postgres(), database, SharedEngines.kafkaBootstrap(),
                tokens());
    }
}
