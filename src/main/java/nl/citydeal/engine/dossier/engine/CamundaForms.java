package nl.citydeal.engine.dossier.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.citydeal.engine.dossier.FormField;

/**
 * Reads a Camunda Form (the JSON of a {@code .form} resource): its id, and its editable fields in the form's order,
 * each with its Dutch label. Read-only and disabled fields, and components that show rather than ask, are left out.
 */
final class CamundaForms {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Form components that show something instead of asking for it. */
    private static final List<String> NO_INPUT = List.of("text", "button", "image", "spacer", "separator", "html");

    private CamundaForms() {}

    static JsonNode read(InputStream form) throws IOException {
        return JSON.readTree(form);
    }

    static List<FormField> fields(InputStream form) throws IOException {
        return fields(read(form));
    }

    static List<FormField> fields(JsonNode form) {
        List<FormField> fields = new ArrayList<>();
        collect(form, fields);
        return fields;
    }

    /** The form's id, which a user task's {@code camunda:formRef} names; null when it has none. */
    static String id(JsonNode form) {
        return textOrNull(form, "id");
    }

    private static void collect(JsonNode node, List<FormField> fields) {
        for (JsonNode component : node.path("components")) {
            String type = component.path("type").asText();
            JsonNode key = component.get("key");
            if (key != null
                    && key.isTextual()
                    && !NO_INPUT.contains(type)
                    && !component.path("readonly").asBoolean(false)
                    && !component.path("disabled").asBoolean(false)) {
                fields.add(new FormField(
                        key.asText(), label(component), type, textOrNull(component, "subtype"), options(component)));
            }
            collect(component, fields);
        }
    }

    /** The field's label; a date's is its {@code dateLabel}. Its key when the form gives none. */
    private static String label(JsonNode component) {
        for (String name : List.of("label", "dateLabel", "timeLabel")) {
            String label = textOrNull(component, name);
            if (label != null && !label.isBlank()) {
                return label;
            }
        }
        return component.get("key").asText();
    }

    private static Map<String, String> options(JsonNode component) {
        Map<String, String> options = new LinkedHashMap<>();
        for (JsonNode option : component.path("values")) {
            options.put(option.path("value").asText(), option.path("label").asText());
        }
        return options;
    }

    private static String textOrNull(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }
}
