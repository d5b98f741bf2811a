package nl.transfertafel.testkit.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The feature-cycle rule on two small fixtures: one with a cycle between two features, one layered one way. */
class FeatureCyclesRuleTest {

    private static final String FIXTURE = "nl.transfertafel.testkit.architecture.fixture";

    @Test
    void two_features_that_use_each_other_fail_the_rule_naming_both() {
        String base = FIXTURE + ".cyclic";
        JavaClasses classes = new ClassFileImporter().importPackages(base);

        assertThatThrownBy(() -> ArchitectureRules.featuresAreFreeOfCycles(base, classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("feature alpha")
                .hasMessageContaining("feature beta");
    }

    @Test
    void features_that_depend_one_way_pass_even_through_sub_packages() {
        String base = FIXTURE + ".oneway";
        JavaClasses classes = new ClassFileImporter().importPackages(base);

        assertThat(classes.contain(base + ".gamma.inner.Gamma")).isTrue();
        assertThatCode(() -> ArchitectureRules.featuresAreFreeOfCycles(base, classes)).doesNotThrowAnyException();
    }
}
