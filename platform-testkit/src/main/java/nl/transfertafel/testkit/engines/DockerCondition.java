package nl.transfertafel.testkit.engines;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * With {@code TRANSFERTAFEL_ENGINES=testcontainers} and no Docker engine, the integration test classes
 * ({@code *IT}, the ones on the engines) are reported skipped with the reason before anything starts: a
 * Spring test context that failed to start would be reported as failed instead. Registered through
 * {@code META-INF/services/org.junit.jupiter.api.extension.Extension}; active where JUnit's extension
 * auto-detection is on ({@code -Ptestcontainers} turns it on). Embedded engines: never disables anything.
 */
public final class DockerCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (EngineMode.configured() != EngineMode.TESTCONTAINERS) {
            return ConditionEvaluationResult.enabled("embedded engines");
        }
        boolean integrationTest = context.getTestClass().map(Class::getSimpleName).filter(name -> name.endsWith("IT"))
                .isPresent();
        if (!integrationTest) {
            return ConditionEvaluationResult.enabled("not an integration test");
        }
        return Containers.dockerUnavailable().map(ConditionEvaluationResult::disabled)
                .orElse(ConditionEvaluationResult.enabled("a Docker engine is here"));
    }
}
