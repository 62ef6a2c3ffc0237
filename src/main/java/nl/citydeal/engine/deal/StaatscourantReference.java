package nl.citydeal.engine.deal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.citydeal.engine.system.InvalidInputException;

/**
 * Where a publication (a deal's signing, or an extension) is found in the Staatscourant: its year and number, which
 * link to the official publication; or, for a reference taken in as free text that does not read as one
 * ("Stcrt. 2020, demo"), that text, kept and shown without a link.
 */
public record StaatscourantReference(Integer year, Integer number, String text) {

    /** The first year a Staatscourant publication is on zoek.officielebekendmakingen.nl. */
    public static final int FIRST_YEAR = 1990;

    /** "Staatscourant 2024, 12345", "Stcrt. 2024, 12345", "Stcrt 2024 nr. 12345", "stcrt-2024-12345". */
    private static final Pattern REFERENCE = Pattern.compile(
            "(?i)\\s*(?:staatscourant|stcrt)\\.?\\s*[-\\s]?\\s*(\\d{4})\\s*[,\\-\\s]\\s*(?:nr\\.?|nummer)?\\s*(\\d{1,9})\\s*(?:\\.html)?\\s*");

    public StaatscourantReference {
        if ((year == null) != (number == null)) {
            throw new IllegalArgumentException("year and number go together");
        }
        text = year != null || text == null || text.isBlank() ? null : text.strip();
    }

    /**
     * A publication by its year and number, checked: the year from {@link #FIRST_YEAR} to next year (of {@code today}),
     * the number positive; a broken rule is a Dutch message per field ({@code yearField}, {@code numberField}). Both
     * missing is no publication (null); one without the other is refused.
     */
    public static StaatscourantReference checked(
            Object year, Object number, LocalDate today, String yearField, String numberField) {
        Map<String, String> errors = new LinkedHashMap<>();
        Integer y = whole(year, yearField, "Het jaar van de Staatscourant", errors);
        Integer n = whole(number, numberField, "Het nummer in de Staatscourant", errors);
        if (errors.isEmpty() && y == null && n == null) {
            return null;
        }
        if (errors.isEmpty() && y == null) {
            errors.put(yearField, "Geef ook het jaar van de Staatscourant.");
        }
        if (errors.isEmpty() && n == null) {
            errors.put(numberField, "Geef ook het nummer in de Staatscourant.");
        }
        int lastYear = today.getYear() + 1;
        if (y != null && (y < FIRST_YEAR || y > lastYear)) {
            errors.put(
                    yearField,
                    "Het jaar van de Staatscourant moet tussen %d en %d liggen; %d kan niet."
                            .formatted(FIRST_YEAR, lastYear, y));
        }
        if (n != null && n < 1) {
            errors.put(numberField, "Het nummer in de Staatscourant moet groter dan 0 zijn; %d kan niet.".formatted(n));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new StaatscourantReference(y, n, null);
    }

    /**
     * A reference given as text, read once: "Staatscourant 2024, 12345" or "Stcrt. 2024, 12345" becomes its year and
     * number; anything else is kept as the text (null for none).
     */
    public static StaatscourantReference parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher matcher = REFERENCE.matcher(text);
        if (matcher.matches()) {
            int year = Integer.parseInt(matcher.group(1));
            int number = Integer.parseInt(matcher.group(2));
            if (year >= FIRST_YEAR && number > 0) {
                return new StaatscourantReference(year, number, null);
            }
        }
        return new StaatscourantReference(null, null, text.length() > 200 ? text.substring(0, 200) : text);
    }

    /** Whether it is a year and number, with a link to the official publication. */
    public boolean linked() {
        return year != null;
    }

    /** As it is shown: "Staatscourant 2024, 12345", or the text as given. */
    public String label() {
        return linked() ? "Staatscourant %d, %d".formatted(year, number) : text;
    }

    /** The official publication on zoek.officielebekendmakingen.nl; null without a year and number. */
    public String url() {
        return linked() ? "https://zoek.officielebekendmakingen.nl/stcrt-%d-%d.html".formatted(year, number) : null;
    }

    private static Integer whole(Object value, String field, String what, Map<String, String> errors) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            long whole = ((Number) value).longValue();
            if (whole >= Integer.MIN_VALUE && whole <= Integer.MAX_VALUE) {
                return (int) whole;
            }
        } else if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            double whole = number.doubleValue();
            if (Math.abs(whole) <= Integer.MAX_VALUE) {
                return (int) whole;
            }
        } else {
            String text = value.toString().strip();
            if (text.matches("-?\\d{1,9}")) {
                return Integer.parseInt(text);
            }
        }
        errors.put(field, "%s moet een geheel getal zijn; '%s' is dat niet.".formatted(what, value));
        return null;
    }
}
