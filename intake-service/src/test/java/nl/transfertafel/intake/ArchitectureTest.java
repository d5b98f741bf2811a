package nl.transfertafel.intake;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
     * something of one that depends on it, it owns an interface the other implements.
     */
    @Test
    void feature_packages_are_free_of_cycles() {
        JavaClasses production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.transfertafel.intake");
        slices().matching("nl.transfertafel.intake.(*)..").should().beFreeOfCycles().check(production);
    }
}
