package nl.citydeal.engine.portfolio;

import java.util.Optional;

import nl.citydeal.engine.system.InvalidInputException;

/**
 * What the overview's search looks for, as the user typed it (stripped): at most {@link #MAX_LENGTH} characters, with
 * at least one letter or digit. Anything else is refused with a Dutch message for the field {@code q}.
 */
public record SearchText(String text) {

    public static final int MAX_LENGTH = 100;
    public static final String FIELD = "q";

    public SearchText {
        text = text == null ? "" : text.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException(FIELD, "Vul een zoekterm in.");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidInputException(
                    FIELD,
                    "Een zoekterm is hoogstens %d tekens lang; deze is %d tekens."
                            .formatted(MAX_LENGTH, text.length()));
        }
        if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw new InvalidInputException(
                    FIELD, "Zoek op ten minste één letter of cijfer; leestekens alleen vinden niets.");
        }
    }

    /** The search typed in a field: none when the field is empty or blank, refused when it breaks a rule. */
    public static Optional<SearchText> parse(String typed) {
        return typed == null || typed.isBlank() ? Optional.empty() : Optional.of(new SearchText(typed));
    }
}
