package nl.citydeal.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module diagram in docs/architecture.md is drawn from the code: which top-level package (a feature, its engine
 * glue, or the shared {@code processengine} and {@code system}) uses which, as the compiled classes say. The test fails when the
 * diagram no longer matches; {@code ./mvnw test -Dtest=ModuleDiagramTest -Dcitydeal.docs.update=true} redraws it.
 */
class ModuleDiagramTest {

    private static final Path DOCUMENT = Path.of("docs/architecture.md");
    private static final String ROOT = "nl.citydeal.engine.";
    private static final Pattern BLOCK = Pattern.compile(
            "(?s)(<!-- module diagram: drawn by ModuleDiagramTest -->\\n)(.*?)(<!-- end of module diagram -->)");

    @Test
    void theModuleDiagramInTheDocsIsTheOneTheCodeHas() throws IOException {
        String drawn = diagram(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.citydeal.engine"));
        String document = Files.readString(DOCUMENT);
        Matcher block = BLOCK.matcher(document);
        assertThat(block.find())
                .as("the module diagram's markers in " + DOCUMENT)
                .isTrue();

        if (!block.group(2).equals(drawn) && Boolean.getBoolean("citydeal.docs.update")) {
            Files.writeString(
                    DOCUMENT, block.replaceFirst(Matcher.quoteReplacement(block.group(1) + drawn + block.group(3))));
            return;
        }
        assertThat(block.group(2))
                .as("the module diagram in %s; redraw it with -Dcitydeal.docs.update=true", DOCUMENT)
                .isEqualTo(drawn);
    }

    /** A Mermaid flowchart of the dependencies between top-level packages, in a stable order. */
    static String diagram(JavaClasses classes) {
        Set<String> modules = new TreeSet<>();
        Set<String> edges = new TreeSet<>();
        for (JavaClass type : classes) {
            String from = module(type);
            if (from == null) {
                continue;
            }
            modules.add(from);
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                String to = module(dependency.getTargetClass());
                if (to != null && !to.equals(from)) {
                    edges.add(from + " --> " + to);
                }
            }
        }
        StringBuilder mermaid = new StringBuilder("```mermaid\nflowchart LR\n");
        modules.forEach(module -> mermaid.append("  ")
                .append(id(module))
                .append("[")
                .append(module)
                .append("]\n"));
        edges.forEach(edge -> mermaid.append("  ").append(id(edge)).append('\n'));
        return mermaid.append("```\n").toString();
    }

    /** Mermaid ids may not contain dots. */
    private static String id(String text) {
        return text.replace('.', '_');
    }

    private static String module(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(ROOT)) {
            return null;
        }
        String[] parts = name.substring(ROOT.length()).split("\\.");
        // a feature's engine glue is drawn apart from the feature, as ArchitectureTest counts it apart
        return parts.length > 1 && parts[1].equals("engine") ? parts[0] + ".engine" : parts[0];
    }
}
