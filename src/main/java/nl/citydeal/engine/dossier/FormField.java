package nl.citydeal.engine.dossier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.citydeal.engine.prompt.PromptSchedule;

/**
 * A field of a Camunda Form that one fills in, as the form version used defines it: its key, its Dutch label, its
 * type ({@code textfield}, {@code checkbox}, {@code datetime}, {@code select}, ...), the datetime's subtype and the
 * options (value to label) of a select, radio or checklist.
 */
public record FormField(String key, String label, String type, String subtype, Map<String, String> options) {

    private static final ObjectMapper LIST_READER = new ObjectMapper();
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    public FormField {
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    /**
     * The answer as the dossier shows it: yes/no as "ja"/"nee", a date as dd-MM-yyyy, an option by its label (each
     * option of a list, comma-separated), anything else as text; null for no answer (null or blank).
     */
    public String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean yes) {
            return yes ? "ja" : "nee";
        }
        if (value instanceof String list && isList()) {
            List<String> values = listOf(list);
            if (values != null) {
                return text(values);
            }
        }
        if (value instanceof Collection<?> values) {
            String joined =
                    values.stream().map(this::option).filter(t -> !t.isBlank()).collect(Collectors.joining(", "));
            return joined.isBlank() ? null : joined;
        }
        if ("datetime".equals(type)) {
            return moment(value);
        }
        if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString())
                    .stripTrailingZeros()
                    .toPlainString()
                    .replace('.', ',');
        }
        String text = option(value);
        return text.isBlank() ? null : text;
    }

    /** A checklist or tag list: Tasklist may send its choices as a JSON array in text. */
    private boolean isList() {
        return "checklist".equals(type) || "taglist".equals(type);
    }

    /** The values of a JSON array in text; null when the text is no array. */
    private static List<String> listOf(String text) {
        if (!text.strip().startsWith("[")) {
            return null;
        }
        try {
            JsonNode array = LIST_READER.readTree(text);
            if (array == null || !array.isArray()) {
                return null;
            }
            List<String> values = new ArrayList<>();
            array.forEach(element -> values.add(element.asText()));
            return values;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private String option(Object value) {
        String text = value.toString();
        return options.getOrDefault(text, text);
    }

    /** A date (subtype {@code date}, the usual one), a date with a time, or a time, in the Dutch way. */
    private String moment(Object value) {
        if (value instanceof Date date) {
            LocalDateTime local = LocalDateTime.ofInstant(date.toInstant(), PromptSchedule.ZONE);
            return "date".equals(subtype) || subtype == null ? DAY.format(local) : DAY_AND_TIME.format(local);
        }
        if (value instanceof LocalDate day) {
            return DAY.format(day);
        }
        String text = value.toString().trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            if ("time".equals(subtype)) {
                return TIME.format(LocalTime.parse(text.length() > 5 ? text.substring(0, 5) : text));
            }
            if ("datetime".equals(subtype) && text.length() >= 16) {
                return DAY_AND_TIME.format(LocalDateTime.parse(text.substring(0, 16)));
            }
            return DAY.format(LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text));
        } catch (DateTimeParseException e) {
            return text;
        }
    }
}
