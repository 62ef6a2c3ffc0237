package nl.citydeal.engine.admin.engine;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import nl.citydeal.engine.processengine.ModelDeployer;

/** The names models and forms have in the engine, and what the engine says when it refuses one. */
final class ModelResources {

    private ModelResources() {}

    /**
     * The resource name a file gets, by the {@link ModelDeployer}'s folders: {@code processes/} for {@code .bpmn}
     * and {@code .dmn}, {@code forms/} for {@code .form}; empty for any other kind of file.
     */
    static Optional<String> resourceName(String fileName) {
        for (String pattern : ModelDeployer.RESOURCE_PATTERNS) {
            String location = pattern.substring("classpath*:".length());
            String folder = location.substring(0, location.indexOf('/') + 1);
            String extension = location.substring(location.lastIndexOf('.'));
            if (fileName.endsWith(extension)) {
                return Optional.of(folder + fileName);
            }
        }
        return Optional.empty();
    }

    static String fileName(String resourceName) {
        return resourceName.substring(resourceName.lastIndexOf('/') + 1);
    }

    /** The messages of an error and its causes, each once: what the engine or a model parser says. */
    static String messages(Throwable e) {
        return Arrays.stream(chain(e))
                .map(Throwable::getMessage)
                .filter(message -> message != null && !message.isBlank())
                .distinct()
                .collect(Collectors.joining(" \u2013 "));
    }

    private static Throwable[] chain(Throwable e) {
        return java.util.stream.Stream.iterate(e, cause -> cause != null, Throwable::getCause)
                .limit(5)
                .toArray(Throwable[]::new);
    }
}
