package nl.transfertafel.testkit.engines;

import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Keeps the engines' own logging at WARN so it does not flood test output. Only acts when Logback is the
 * SLF4J backend, and only on loggers that have no level configured explicitly (a {@code logback-test.xml}
 * or {@code logging.level.kafka=INFO} still wins).
 */
public final class EngineLogging {

    /** Logger names of the in-process Kafka broker, the Kafka clients and the Postgres binary resolver. */
    public static final List<String> ENGINE_LOGGERS = List.of("kafka", "org.apache.kafka", "state.change.logger",
            "io.zonky.test.db.postgres");

    private EngineLogging() {
    }

    public static void quiet() {
        try {
            if ("ch.qos.logback.classic.LoggerContext".equals(LoggerFactory.getILoggerFactory().getClass().getName())) {
                LogbackLevels.warnUnlessConfigured(ENGINE_LOGGERS);
            }
        } catch (LinkageError | RuntimeException ignored) {
            // logging is cosmetic; never fail an engine start over it
        }
    }

    /** Separate class so that Logback types are only loaded when Logback is really present. */
    private static final class LogbackLevels {
        static void warnUnlessConfigured(List<String> names) {
            ch.qos.logback.classic.LoggerContext context =
                    (ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory();
            for (String name : names) {
                ch.qos.logback.classic.Logger logger = context.getLogger(name);
                if (logger.getLevel() == null) {
                    logger.setLevel(ch.qos.logback.classic.Level.WARN);
                }
            }
        }
    }
}
