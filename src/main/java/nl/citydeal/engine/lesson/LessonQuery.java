package nl.citydeal.engine.lesson;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import nl.citydeal.engine.deal.ScalingRoute;
import nl.citydeal.engine.system.InvalidInputException;

/**
 * What the lessons library looks for; a null criterion does not filter. {@code text} and {@code theme} match a part of
 * the lesson's text and theme, whatever the case; {@code tag} the lessons tagged with that seed lesson; {@code route}
 * the lessons of deals that chose that scaling route (among others); {@code kind} positive, negative or both.
 */
public record LessonQuery(String text, LessonTag tag, String theme, ScalingRoute route, Kind kind) {

    /** The longest text and theme one may look for. */
    public static final int MAX_TEXT = 200;

    public static final LessonQuery ALL = new LessonQuery(null, null, null, null, Kind.ALL);

    public LessonQuery {
        text = blankToNull(text);
        theme = blankToNull(theme);
        kind = kind == null ? Kind.ALL : kind;
    }

    /** What worked, what did not, or both. */
    public enum Kind {
        ALL("Positief en negatief"),
        POSITIVE("Wat werkte (positief)"),
        NEGATIVE("Wat niet werkte (negatief)");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        boolean admits(Lesson lesson) {
            return this == ALL || lesson.isPositive() == (this == POSITIVE);
        }
    }

    /**
     * The query from request parameters: the tag, route and kind by their names ({@code MIDDELEN}, {@code STOP},
     * {@code NEGATIVE}), blank for any. An unknown value or a text that is too long is refused with a Dutch message
     * per parameter.
     */
    public static LessonQuery parse(String text, String tag, String theme, String route, String kind) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (text != null && text.length() > MAX_TEXT) {
            errors.put("text", "Zoek op hoogstens %d tekens.".formatted(MAX_TEXT));
        }
        if (theme != null && theme.length() > MAX_TEXT) {
            errors.put("theme", "Een thema heeft hoogstens %d tekens.".formatted(MAX_TEXT));
        }
        LessonTag chosenTag = null;
        if (!isBlank(tag)) {
            chosenTag = LessonTag.parse(tag.strip()).orElse(null);
            if (chosenTag == null) {
                errors.put("tag", "Onbekende les '%s'; kies uit %s.".formatted(shown(tag), names(LessonTag.values())));
            }
        }
        ScalingRoute chosenRoute = null;
        if (!isBlank(route)) {
            chosenRoute = Arrays.stream(ScalingRoute.values())
                    .filter(r -> r.name().equals(route.strip()))
                    .findFirst()
                    .orElse(null);
            if (chosenRoute == null) {
                errors.put(
                        "route",
                        "Onbekende opschalingsroute '%s'; kies uit %s."
                                .formatted(shown(route), names(ScalingRoute.values())));
            }
        }
        Kind chosenKind = Kind.ALL;
        if (!isBlank(kind)) {
            chosenKind = Arrays.stream(Kind.values())
                    .filter(k -> k.name().equals(kind.strip()))
                    .findFirst()
                    .orElse(null);
            if (chosenKind == null) {
                errors.put(
                        "kind",
                        "Onbekende soort les '%s'; kies POSITIVE (wat werkte), NEGATIVE (wat niet werkte) of laat"
                                        .formatted(shown(kind))
                                + " het leeg voor beide.");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new LessonQuery(text, chosenTag, theme, chosenRoute, chosenKind);
    }

    /** Whether any criterion filters. */
    public boolean filters() {
        return text != null || tag != null || theme != null || route != null || kind != Kind.ALL;
    }

    private static String names(Enum<?>[] values) {
        return String.join(", ", Arrays.stream(values).map(Enum::name).toList());
    }

    /** An asked value as a message repeats it: at most 40 characters. */
    private static String shown(String value) {
        String stripped = value.strip();
        return stripped.length() > 40 ? stripped.substring(0, 40) + "…" : stripped;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value.strip();
    }
}
