package nl.citydeal.engine.deal;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a deal means to scale (CITY-DEALS.md, "What is meant to scale"): asked at registration, sharpened in the
 * scaling exploration; a deal may mean to scale more than one.
 */
public enum ScalingIntent {
    PRACTICE("Werkwijze"),
    INSTRUMENT("Instrument"),
    KNOWLEDGE("Kennis"),
    REGULATION_CHANGE("Wijziging van regelgeving");

    private final String label;

    ScalingIntent(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** An intent by its name ({@code KNOWLEDGE}) or its Dutch label ({@code kennis}), in any case. */
    public static Optional<ScalingIntent> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip();
        return Arrays.stream(values())
                .filter(intent -> intent.name().equalsIgnoreCase(wanted) || intent.label.equalsIgnoreCase(wanted))
                .findFirst();
    }

    /** The intents in their order, by their Dutch labels, comma-separated; "nog niet vastgelegd" for none. */
    public static String labels(Collection<ScalingIntent> intents) {
        if (intents == null || intents.isEmpty()) {
            return "nog niet vastgelegd";
        }
        return EnumSet.copyOf(intents).stream()
                .map(intent -> intent.label.toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    /** A copy that is never null. */
    public static Set<ScalingIntent> copyOf(Collection<ScalingIntent> intents) {
        return intents == null || intents.isEmpty() ? EnumSet.noneOf(ScalingIntent.class) : EnumSet.copyOf(intents);
    }
}
