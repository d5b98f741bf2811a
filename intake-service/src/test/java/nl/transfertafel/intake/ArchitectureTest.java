package nl.transfertafel.intake;

import nl.transfertafel.testkit.architecture.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void domain_code_is_plain_java() {
        ArchitectureRules.domainIsPlainJava("nl.transfertafel.intake");
    }

    @Test
    void domain_and_application_do_not_depend_on_the_edge() {
        ArchitectureRules.innerLayersDoNotDependOnTheEdge("nl.transfertafel.intake");
    }

    /**
     * Feature packages depend one way (issue 16 item 1): referral → waitinglist, client, restriction,
     * transfer; waitinglist → client; transfer, clock, figures → waitinglist. Where a feature needs
     * something of one that depends on it, it owns an interface the other implements. The shared rule
     * every service runs.
     */
    @Test
    void feature_packages_are_free_of_cycles() {
        ArchitectureRules.featuresAreFreeOfCycles("nl.transfertafel.intake");
    }
}
