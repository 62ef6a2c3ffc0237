package nl.citydeal.engine;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Pins the package-by-feature layout and keeps the engine behind the process and identity packages. */
@AnalyzeClasses(packages = "nl.citydeal.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyProcessAndIdentityTouchCamunda = noClasses()
            .that()
            .resideOutsideOfPackages("nl.citydeal.engine.process..", "nl.citydeal.engine.identity..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.camunda..")
            .because("the engine is glue: domain features must survive a move to a Camunda 7 fork");

    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles =
            slices().matching("nl.citydeal.engine.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule domainDoesNotDependOnEngineGlue = noClasses()
            .that()
            .resideInAnyPackage("nl.citydeal.engine.deal..", "nl.citydeal.engine.prompt..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("nl.citydeal.engine.process..", "nl.citydeal.engine.identity..")
            .because("the process package adapts the domain to the engine, not the other way round");

    @ArchTest
    static final ArchRule onlyKnownTopLevelPackages = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
            .that()
            .resideOutsideOfPackage("nl.citydeal.engine")
            .should()
            .resideInAnyPackage(
                    "nl.citydeal.engine.deal..",
                    "nl.citydeal.engine.prompt..",
                    "nl.citydeal.engine.portfolio..",
                    "nl.citydeal.engine.lesson..",
                    "nl.citydeal.engine.admin..",
                    "nl.citydeal.engine.identity..",
                    "nl.citydeal.engine.process..",
                    "nl.citydeal.engine.system..")
            .because("code is packaged by feature");
}
