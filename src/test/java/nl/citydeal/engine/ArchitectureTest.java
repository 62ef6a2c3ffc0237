package nl.citydeal.engine;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Pins the package-by-feature layout: each feature keeps its engine glue in its own {@code engine} subpackage,
 * shared engine infrastructure lives in {@code processengine}, and only those (and {@code identity}) touch Camunda.
 * The JPQL strings, which ArchUnit cannot see, are kept by {@link QueryBoundariesTest}.
 */
@AnalyzeClasses(packages = "nl.citydeal.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The feature packages; each may have an {@code engine} subpackage with its engine glue. */
    static final List<String> FEATURES = List.of("deal", "prompt", "portfolio", "lesson", "admin", "dossier");

    private static final String ENGINE_GLUE = "nl.citydeal.engine.*.engine..";
    private static final String PROCESS_ENGINE = "nl.citydeal.engine.processengine..";

    @ArchTest
    static final ArchRule onlyEngineGlueAndIdentityTouchCamunda = noClasses()
            .that()
            .resideOutsideOfPackages(ENGINE_GLUE, PROCESS_ENGINE, "nl.citydeal.engine.identity..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.camunda..")
            .because("the engine is glue: domain features must survive a move to a Camunda 7 fork");

    /**
     * Free of cycles, with a feature's {@code engine} subpackage as a slice of its own: the glue depends on its
     * feature, on {@code processengine} and on other features' domain, and nothing depends on the glue.
     */
    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles =
            slices().assignedFrom(new FeaturesAndTheirEngineGlue()).should().beFreeOfCycles();

    @ArchTest
    static final ArchRule domainDoesNotDependOnEngineGlue = noClasses()
            .that()
            .resideInAnyPackage(
                    "nl.citydeal.engine.deal..",
                    "nl.citydeal.engine.prompt..",
                    "nl.citydeal.engine.portfolio..",
                    "nl.citydeal.engine.lesson..",
                    "nl.citydeal.engine.admin..",
                    "nl.citydeal.engine.dossier..",
                    "nl.citydeal.engine.system..")
            .and()
            .resideOutsideOfPackage(ENGINE_GLUE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(ENGINE_GLUE, PROCESS_ENGINE)
            .because("a feature's engine glue adapts its domain to the engine, not the other way round: the domain "
                    + "reaches the engine only through its ports (DealProcesses, PromptTasks, ProcessPosition, ...)");

    @ArchTest
    static final ArchRule dealAndPromptDomainDoNotDependOnIdentity = noClasses()
            .that()
            .resideInAnyPackage("nl.citydeal.engine.deal..", "nl.citydeal.engine.prompt..")
            .and()
            .resideOutsideOfPackage(ENGINE_GLUE)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("nl.citydeal.engine.identity..")
            .because("identity is glue like the engine glue: the registry and the prompts stay free of it");

    @ArchTest
    static final ArchRule engineGlueIsInternalToItsFeature = CompositeArchRule.of(FEATURES.stream()
            .map(feature -> noClasses()
                    .that()
                    .resideOutsideOfPackage("nl.citydeal.engine." + feature + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("nl.citydeal.engine." + feature + ".engine..")
                    .because("engine glue is internal to its feature: others use the feature's ports"))
            .toList());

    @ArchTest
    static final ArchRule onlyKnownTopLevelPackages = classes()
            .that()
            .resideOutsideOfPackage("nl.citydeal.engine")
            .should()
            .resideInAnyPackage(
                    "nl.citydeal.engine.deal..",
                    "nl.citydeal.engine.prompt..",
                    "nl.citydeal.engine.portfolio..",
                    "nl.citydeal.engine.lesson..",
                    "nl.citydeal.engine.admin..",
                    "nl.citydeal.engine.dossier..",
                    "nl.citydeal.engine.identity..",
                    "nl.citydeal.engine.processengine..",
                    "nl.citydeal.engine.system..")
            .because("code is packaged by feature");

    /** One slice per top-level package, and one per feature's {@code engine} subpackage. */
    static final class FeaturesAndTheirEngineGlue implements SliceAssignment {

        private static final Pattern PACKAGE = Pattern.compile("nl\\.citydeal\\.engine\\.(\\w+)(\\.engine)?(\\..*)?");

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            Matcher matcher = PACKAGE.matcher(javaClass.getPackageName());
            if (!matcher.matches()) {
                return SliceIdentifier.ignore();
            }
            return SliceIdentifier.of(matcher.group(1) + (matcher.group(2) == null ? "" : matcher.group(2)));
        }

        @Override
        public String getDescription() {
            return "the features and their engine glue";
        }
    }
}
