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

    /**
     * Issue 16 item 1: the features depend one way (routing ← subscription ← delivery ← inbox, all
     * on access): routing owns the ports it needs (where deliveries go, which channels a recipient
     * chose) and the features that implement them wire themselves. The rule is the one every service
     * shares (platform-testkit).
     */
    @Test
    void feature_packages_are_free_of_cycles() {
        ArchitectureRules.featuresAreFreeOfCycles("nl.transfertafel.notification");
    }
}
