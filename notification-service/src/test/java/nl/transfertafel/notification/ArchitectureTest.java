package nl.transfertafel.notification;

import nl.transfertafel.testkit.architecture.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void domain_code_is_plain_java() {
        ArchitectureRules.domainIsPlainJava("nl.transfertafel.notification");
    }

    @Test
    void domain_and_application_do_not_depend_on_the_edge() {
        ArchitectureRules.innerLayersDoNotDependOnTheEdge("nl.transfertafel.notification");
    }
}
