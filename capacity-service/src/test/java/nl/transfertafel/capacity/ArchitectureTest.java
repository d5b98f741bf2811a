package nl.transfertafel.capacity;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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
     * Issue 16: the feature packages depend one way. Until the shared rule lands in platform-testkit's
     * ArchitectureRules (then this test calls it instead), the check is written here.
     */
    @Test
    void feature_packages_depend_on_each_other_without_cycles() {
        slices().matching("nl.transfertafel.capacity.(*)..")
                .should().beFreeOfCycles()
                .because("each feature wires itself; a feature another one calls back owns the interface it is called through")
                .check(ArchitectureRules.mainClassesOf("nl.transfertafel.capacity"));
    }
}
