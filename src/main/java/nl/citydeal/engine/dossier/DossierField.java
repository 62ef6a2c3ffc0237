package nl.citydeal.engine.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One answer on a completed form, as the dossier keeps it: the field's key, its Dutch label as it was in the form
 * version used, and the answer as text (yes/no, a Dutch date, an option's label).
 */
@Embeddable
public class DossierField {

    private String fieldKey;
    private String label;

    @Column(name = "field_value")
    private String text;

    protected DossierField() {}

    public DossierField(String fieldKey, String label, String text) {
        this.fieldKey = fieldKey;
        this.label = label;
        this.text = text;
    }

    public String getFieldKey() {
        return fieldKey;
    }

    public String getLabel() {
        return label;
    }

    public String getText() {
        return text;
    }
}
