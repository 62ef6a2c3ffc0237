package nl.citydeal.engine.prompt;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One row of the prompt schedule: a prompt falls at a fraction of the term, no later than some months before
 * the end; or it repeats every so many months. Administrators keep these rows in the {@code prompt-schedule}
 * decision table; a row that breaks these rules is refused with a Dutch message.
 */
public record PromptRule(
        PromptKind kind, BigDecimal fractionOfTerm, Integer latestMonthsBeforeEnd, Integer repeatEveryMonths) {

    public static final String KIND = "promptKind";
    public static final String FRACTION_OF_TERM = "fractionOfTerm";
    public static final String LATEST_MONTHS_BEFORE_END = "latestMonthsBeforeEnd";
    public static final String REPEAT_EVERY_MONTHS = "repeatEveryMonths";

    public PromptRule {
        if (kind == null) {
            throw new IllegalArgumentException("Een regel van het herinneringsschema noemt geen herinnering.");
        }
        if ((fractionOfTerm == null) == (repeatEveryMonths == null)) {
            throw new IllegalArgumentException(
                    "De regel voor %s heeft óf een deel van de looptijd óf een herhaling nodig, niet %s."
                            .formatted(kind, fractionOfTerm == null ? "geen van beide" : "allebei"));
        }
        if (kind.repeats() != (repeatEveryMonths != null)) {
            throw new IllegalArgumentException(
                    kind.repeats()
                            ? "De regel voor %s moet een herhaling in maanden hebben.".formatted(kind)
                            : "De regel voor %s valt één keer en heeft een deel van de looptijd nodig, geen herhaling."
                                    .formatted(kind));
        }
        if (fractionOfTerm != null && (fractionOfTerm.signum() < 0 || fractionOfTerm.compareTo(BigDecimal.ONE) >= 0)) {
            throw new IllegalArgumentException("De regel voor %s: deel van de looptijd %s ligt niet tussen 0 en 1."
                    .formatted(kind, fractionOfTerm));
        }
        if (latestMonthsBeforeEnd != null && latestMonthsBeforeEnd < 0) {
            throw new IllegalArgumentException(
                    "De regel voor %s: 'uiterlijk maanden voor einde' mag niet negatief zijn.".formatted(kind));
        }
        if (repeatEveryMonths != null && repeatEveryMonths < 1) {
            throw new IllegalArgumentException(
                    "De regel voor %s: de herhaling moet minstens 1 maand zijn.".formatted(kind));
        }
    }

    /** Reads one result row of the decision table (output names as keys). */
    public static PromptRule of(Map<String, Object> row) {
        Object kind = row.get(KIND);
        PromptKind promptKind;
        try {
            promptKind = kind == null ? null : PromptKind.valueOf(kind.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Het herinneringsschema noemt een onbekende herinnering: " + kind + ".");
        }
        return new PromptRule(
                promptKind,
                decimal(row.get(FRACTION_OF_TERM)),
                integer(row.get(LATEST_MONTHS_BEFORE_END)),
                integer(row.get(REPEAT_EVERY_MONTHS)));
    }

    public boolean repeats() {
        return repeatEveryMonths != null;
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }

    private static Integer integer(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return number.intValue();
        }
        throw new IllegalArgumentException("Het herinneringsschema heeft '" + value + "' waar een heel getal hoort.");
    }
}
