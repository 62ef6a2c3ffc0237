package nl.citydeal.engine.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/configuration.md and the app's own settings agree: every {@code citydeal.*} property that a
 * {@code @ConfigurationProperties} record declares (the metadata the configuration processor writes at build time) is
 * documented, and the document names none that does not exist.
 */
class ConfigurationReferenceTest {

    private static final Path REFERENCE = Path.of("docs/configuration.md");
    private static final Pattern DOCUMENTED = Pattern.compile("`(citydeal\\.[a-z0-9.-]+)`");

    @Test
    void everySettingOfTheAppIsDocumentedAndEveryDocumentedSettingExists() throws IOException {
        Set<String> declared = declared();
        Set<String> documented = documented();

        assertThat(declared).as("settings declared by @ConfigurationProperties").isNotEmpty();
        assertThat(documented).as("documented in " + REFERENCE).containsAll(declared);
        assertThat(declared).as("declared by @ConfigurationProperties").containsAll(documented);
    }

    private static Set<String> declared() throws IOException {
        try (InputStream in =
                ConfigurationReferenceTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("configuration metadata of the build").isNotNull();
            Set<String> names = new TreeSet<>();
            for (JsonNode property : new ObjectMapper().readTree(in).path("properties")) {
                String name = property.path("name").asText();
                if (name.startsWith("citydeal.")) {
                    names.add(name);
                }
            }
            return names;
        }
    }

    private static Set<String> documented() throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher matcher = DOCUMENTED.matcher(Files.readString(REFERENCE));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
