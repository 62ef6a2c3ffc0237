package nl.citydeal.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps each feature's queries to its own entities, which {@link ArchitectureTest} cannot see: a JPQL string
 * ({@code @Query} value, text block or literal) of one feature that names an {@code @Entity} of another feature
 * after {@code from} or {@code join}, or a type of another feature by its qualified name (an enum constant in a
 * query), is a dependency the compiler does not know about. Reads the sources under {@code src/main/java}.
 */
class QueryBoundariesTest {

    private static final Path SOURCES = Path.of("src/main/java/nl/citydeal/engine");

    private static final Pattern ENTITY_CLASS = Pattern.compile("@Entity\\b[\\s\\S]*?\\b(?:class|record)\\s+(\\w+)");
    private static final Pattern FROM_OR_JOIN = Pattern.compile(
            "\\b(?i:from|join)\\s+(?i:fetch\\s+)?([\\w.]+)((?:\\s+(?i:as\\s+)?\\w+)?(?:\\s*,\\s*[\\w.]+(?:\\s+(?i:as\\s+)?\\w+)?)*)");
    private static final Pattern LISTED_ENTITY = Pattern.compile(",\\s*([\\w.]+)");
    private static final Pattern QUALIFIED_TYPE =
            Pattern.compile("\\bnl\\.citydeal\\.engine\\.(\\w+)\\.(?:\\w+\\.)*?([A-Z]\\w*)");

    @Test
    void noQueryOfAFeatureNamesAnotherFeaturesEntities() {
        assertThat(crossings(entitiesByFeature(), sources()))
                .as("queries that name another feature's entities or types: ask that feature instead")
                .isEmpty();
    }

    @Test
    void theScanFindsEntitiesAfterFromAndJoinInListsAndSubqueriesAndQualifiedTypes() {
        Map<String, Set<String>> entities = Map.of("deal", Set.of("Deal"), "prompt", Set.of("Prompt", "Reminder"));
        String source = """
                package nl.citydeal.engine.lesson;
                // "select l from Deal l" in a comment is no query
                interface LessonRepository {
                    @Query(\"""
                            select l from Lesson l, Deal d join l.tags t
                            where exists (select p.id from Prompt p where p.status = nl.citydeal.engine.prompt.PromptStatus.DUE)\""")
                    List<Lesson> a();

                    @Query("select l from Lesson l " + "join Reminder r on r.id = l.id")
                    List<Lesson> b();
                }
                """;

        assertThat(crossings(entities, Map.of("lesson.LessonRepository", source)))
                .containsExactly(Map.entry(
                        "lesson.LessonRepository",
                        Set.of("deal.Deal", "prompt.Prompt", "prompt.PromptStatus", "prompt.Reminder")));
    }

    /** Per class ({@code feature.Type}), what its string literals name of other features. */
    static Map<String, Set<String>> crossings(Map<String, Set<String>> entitiesByFeature, Map<String, String> sources) {
        Map<String, String> featureOfEntity = new TreeMap<>();
        entitiesByFeature.forEach((feature, names) -> names.forEach(name -> featureOfEntity.put(name, feature)));
        Map<String, Set<String>> crossings = new TreeMap<>();
        sources.forEach((type, source) -> {
            String feature = type.substring(0, type.indexOf('.'));
            Set<String> named = new TreeSet<>();
            for (String text : stringLiterals(source)) {
                Matcher clause = FROM_OR_JOIN.matcher(text);
                while (clause.find()) {
                    List<String> listed = new ArrayList<>(List.of(clause.group(1)));
                    LISTED_ENTITY.matcher(clause.group(2)).results().forEach(m -> listed.add(m.group(1)));
                    for (String entity : listed) {
                        String owner = featureOfEntity.get(entity);
                        if (owner != null && !owner.equals(feature)) {
                            named.add(owner + "." + entity);
                        }
                    }
                }
                Matcher qualified = QUALIFIED_TYPE.matcher(text);
                while (qualified.find()) {
                    if (!qualified.group(1).equals(feature)) {
                        named.add(qualified.group(1) + "." + qualified.group(2));
                    }
                }
            }
            if (!named.isEmpty()) {
                crossings.put(type, named);
            }
        });
        return crossings;
    }

    /**
     * The string literals and text blocks of a Java source, outside comments; literals joined by {@code +} count
     * as one text.
     */
    static List<String> stringLiterals(String source) {
        List<String> texts = new ArrayList<>();
        StringBuilder current = null;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = endOfLine(source, i);
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
            } else if (c == '\'') {
                i = skipQuoted(source, i, '\'');
            } else if (c == '"') {
                boolean textBlock = source.startsWith("\"\"\"", i);
                int start = textBlock ? i + 3 : i + 1;
                int end = textBlock ? source.indexOf("\"\"\"", start) : skipQuoted(source, i, '"') - 1;
                if (end < 0) {
                    end = source.length();
                }
                if (current == null) {
                    current = new StringBuilder();
                }
                current.append(source, start, end);
                i = textBlock ? end + 3 : end + 1;
                int next = skipWhitespace(source, i);
                if (next < source.length() && source.charAt(next) == '+') {
                    int after = skipWhitespace(source, next + 1);
                    if (after < source.length() && source.charAt(after) == '"') {
                        i = after;
                        continue;
                    }
                }
                texts.add(current.toString());
                current = null;
            } else {
                i++;
            }
        }
        return texts;
    }

    private static int endOfLine(String source, int i) {
        int end = source.indexOf('\n', i);
        return end < 0 ? source.length() : end;
    }

    private static int skipQuoted(String source, int i, char quote) {
        int j = i + 1;
        while (j < source.length() && source.charAt(j) != quote && source.charAt(j) != '\n') {
            j += source.charAt(j) == '\\' ? 2 : 1;
        }
        return j + 1;
    }

    private static int skipWhitespace(String source, int i) {
        while (i < source.length() && Character.isWhitespace(source.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The simple names of the {@code @Entity} classes, per feature (top-level package). */
    private static Map<String, Set<String>> entitiesByFeature() {
        Map<String, Set<String>> entities = new TreeMap<>();
        sources().forEach((type, source) -> {
            Matcher entity = ENTITY_CLASS.matcher(source);
            if (source.contains("import jakarta.persistence.Entity;") && entity.find()) {
                entities.computeIfAbsent(type.substring(0, type.indexOf('.')), feature -> new TreeSet<>())
                        .add(entity.group(1));
            }
        });
        assertThat(entities).as("entities found").containsKeys("deal", "prompt", "lesson", "admin");
        return entities;
    }

    /** Every main source file, by its type relative to {@code nl.citydeal.engine} ({@code deal.DealRepository}). */
    private static Map<String, String> sources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            Map<String, String> sources = new TreeMap<>();
            for (Path file :
                    files.filter(path -> path.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue;
                }
                String type = relative.toString().replace(file.getFileSystem().getSeparator(), ".");
                sources.put(type.substring(0, type.length() - ".java".length()), Files.readString(file));
            }
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
