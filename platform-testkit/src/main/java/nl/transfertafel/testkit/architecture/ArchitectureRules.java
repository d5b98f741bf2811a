package nl.transfertafel.testkit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layering every service follows (see docs/conventions): domain code is plain Java, and the
 * domain and application layers never reach into web or infrastructure. Each service runs these
 * rules on its own packages from one small test.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    public static JavaClasses mainClassesOf(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    /** No Spring, R2DBC, Reactor, Kafka or platform types in {@code ..domain..}. */
    public static void domainIsPlainJava(String basePackage) {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "io.r2dbc..", "reactor..", "org.apache.kafka..",
                        "nl.transfertafel.platform..", "tools.jackson..", "com.fasterxml..")
                .because("domain code is plain Java: rules and state, wired by infrastructure")
                .allowEmptyShould(true)
                .check(mainClassesOf(basePackage));
    }

    /** Domain and application code never depend on the web edge or on messaging adapters. */
    public static void innerLayersDoNotDependOnTheEdge(String basePackage) {
        noClasses().that().resideInAnyPackage("..domain..", "..application..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..infrastructure.messaging..")
                .because("the edge depends on the core, never the other way round")
                .allowEmptyShould(true)
                .check(mainClassesOf(basePackage));
    }

    /**
     * No cycle between a service's feature packages (the first package below {@code basePackage}, e.g.
     * {@code matching}, {@code proposal}, {@code common}): each feature depends on others one way only
     * (issue 16). All four services run it in their {@code ArchitectureTest}.
     */
    public static void featuresAreFreeOfCycles(String basePackage) {
        featuresAreFreeOfCycles(basePackage, mainClassesOf(basePackage));
    }

    /** The same rule on classes imported by the caller (a fixture, or a service's own selection). */
    public static void featuresAreFreeOfCycles(String basePackage, JavaClasses classes) {
        slices().matching(basePackage + ".(*)..").namingSlices("feature $1")
                .should().beFreeOfCycles()
                .because("feature packages depend on each other one way only, so each can be read, tested and"
                        + " changed on its own")
                .allowEmptyShould(true)
                .check(classes);
    }
}
