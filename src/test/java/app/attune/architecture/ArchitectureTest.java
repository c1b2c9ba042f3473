package app.attune.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The packages' dependencies go one way: a cycle, or a foundation that reaches up into a feature, fails the build. */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("app.attune");
    }

    @Test
    void noPackageImportsOneThatImportsItBack() {
        slices().matching("app.attune.(**)").should().beFreeOfCycles().check(production);
    }

    @Test
    void theJournalDependsOnNoFeatureBuiltOnIt() {
        noClasses().that().resideInAPackage("app.attune.journal..")
                .should().dependOnClassesThat().resideInAnyPackage("app.attune.report..", "app.attune.research..",
                        "app.attune.fhir..", "app.attune.vocabulary..", "app.attune.sequencer..", "app.attune.webhook..",
                        "app.attune.openapi..", "app.attune.http..")
                .check(production);
    }

    @Test
    void theApiRecordsDependOnNoFeatureOnlyOnTheSettings() {
        noClasses().that().resideInAPackage("app.attune.api..")
                .should().dependOnClassesThat(resideInAPackage("app.attune..")
                        .and(not(resideInAnyPackage("app.attune.api..", "app.attune.config.."))))
                .check(production);
    }

    @Test
    void servicesNeverSeeTheJsonOfARequest() {
        noClasses().that().haveSimpleNameEndingWith("Service")
                .should().dependOnClassesThat().haveFullyQualifiedName("com.fasterxml.jackson.databind.JsonNode")
                .because("a merge patch is read at the edge, into the feature's changes record")
                .check(production);
    }

    @Test
    void theQueryHelperDependsOnNoFeature() {
        noClasses().that().resideInAPackage("app.attune.query..")
                .should().dependOnClassesThat(resideInAPackage("app.attune..").and(not(resideInAPackage("app.attune.query.."))))
                .check(production);
    }
}
