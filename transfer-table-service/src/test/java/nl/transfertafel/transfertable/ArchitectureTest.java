package nl.transfertafel.transfertable;

import nl.transfertafel.testkit.architecture.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void domain_code_is_plain_java() {
        ArchitectureRules.domainIsPlainJava("nl.transfertafel.transfertable");
    }

    @Test
    void domain_and_application_do_not_depend_on_the_edge() {
        ArchitectureRules.innerLayersDoNotDependOnTheEdge("nl.transfertafel.transfertable");
    }

    /** Issue 16: the feature packages depend on each other one way (the direction is in docs/architecture.md). */
    @Test
    void feature_packages_depend_on_each_other_one_way() {
        ArchitectureRules.featuresAreFreeOfCycles("nl.transfertafel.transfertable");
    }
}
