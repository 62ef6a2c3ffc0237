package nl.citydeal.engine.admin;

import java.time.Instant;
import java.util.Locale;

/**
 * Something that failed and waits for an administrator: a job of the engine that gave up after its attempts (a
 * prompt that could not fire, a step that could not run) or a mail given up. {@code what} and {@code cause} are
 * Dutch; {@code details} (the stack trace of a job) may be null.
 */
public record Incident(
        Source source,
        String id,
        Instant since,
        String what,
        String cause,
        String details,
        String dealId,
        String dealName,
        boolean retryable,
        boolean mailAdministrators) {

    /** Where it failed. */
    public enum Source {
        JOB("Engine"),
        MAIL("Mail");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The source as it appears in addresses ({@code job}, {@code mail}); null when unknown. */
        public static Source of(String text) {
            for (Source source : values()) {
                if (source.name().equalsIgnoreCase(text)) {
                    return source;
                }
            }
            return null;
        }
    }

    /** Names the incident across nodes and runs, e.g. {@code job:1234} or {@code mail:56}. */
    public String ref() {
        return source.name().toLowerCase(Locale.ROOT) + ":" + id;
    }
}
