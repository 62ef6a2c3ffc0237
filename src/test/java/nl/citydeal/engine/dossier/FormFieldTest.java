package nl.citydeal.engine.dossier;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the dossier writes an answer: Dutch yes/no and dates, options by their label, no answer as none. */
class FormFieldTest {

    static final FormField DATE = new FormField("newEndsOn", "Nieuwe einddatum", "datetime", "date", Map.of());
    static final FormField TYPE = new FormField(
            "participantType", "Soort partij", "select", null, Map.of("MUNICIPALITY", "Gemeente", "OTHER", "Anders"));

    @Test
    void aDateIsWrittenDayMonthYearWhetherItCameAsTextADateOrALocalDate() {
        assertThat(DATE.text("2027-09-01")).isEqualTo("01-09-2027");
        assertThat(DATE.text(LocalDate.of(2027, 9, 1))).isEqualTo("01-09-2027");
        assertThat(DATE.text(
                        Date.from(OffsetDateTime.parse("2027-09-01T00:00+02:00").toInstant())))
                .as("midnight in Dutch time")
                .isEqualTo("01-09-2027");
    }

    @Test
    void yesNoIsJaNeeAndAnOptionIsItsLabelEachOfAList() {
        FormField box = new FormField("moreParticipants", "Nog een deelnemer", "checkbox", null, Map.of());

        assertThat(box.text(true)).isEqualTo("ja");
        assertThat(box.text(false)).isEqualTo("nee");
        assertThat(TYPE.text("MUNICIPALITY")).isEqualTo("Gemeente");
        assertThat(TYPE.text(List.of("MUNICIPALITY", "OTHER"))).isEqualTo("Gemeente, Anders");
        assertThat(TYPE.text("UNKNOWN")).as("a value the form no longer offers").isEqualTo("UNKNOWN");
    }

    @Test
    void anEmptyAnswerIsNoAnswerAndADecimalHasADutchComma() {
        FormField text = new FormField("remarks", "Opmerkingen", "textarea", null, Map.of());

        assertThat(text.text(null)).isNull();
        assertThat(text.text("  ")).isNull();
        assertThat(DATE.text("")).isNull();
        assertThat(new FormField("fte", "Fte", "number", null, Map.of()).text(0.5))
                .isEqualTo("0,5");
    }

    @Test
    void aChecklistSentAsAJsonArrayInTextIsWrittenAsTheLabelsOfItsOptionsAndAnEmptyOneAsNoAnswer() {
        FormField tags = new FormField(
                "negativeLessonTags",
                "Waar gaan de negatieve lessen over?",
                "checklist",
                null,
                Map.of("MIDDELEN", "Middelen", "TIMING", "Timing"));

        assertThat(tags.text("[\"MIDDELEN\",\"TIMING\"]")).isEqualTo("Middelen, Timing");
        assertThat(tags.text("[]")).isNull();
        assertThat(tags.text("[niet af")).as("text that is no array stays text").isEqualTo("[niet af");
    }
}
