package nl.transfertafel.capacity;

import nl.transfertafel.testkit.architecture.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void domain_code_is_plain_java() {
        ArchitectureRules.domainIsPlainJava("nl.transfertafel.capacity");
    }

    @Test
    void domain_and_application_do_not_depend_on_the_edge() {
        ArchitectureRules.innerLayersDoNotDependOnTheEdge("nl.transfertafel.capacity");
    }

    /**
     * Issue 16: the feature packages depend one way; each feature wires itself, and a feature another
     * one calls back owns the interface it is called through. The shared rule every service runs.
     */
    @Test
    void feature_packages_depend_on_each_other_without_cycles() {
        ArchitectureRules.featuresAreFreeOfCycles("nl.transfertafel.capacity");
    }
}
