package nl.citydeal.engine.prompt.notify;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.Recipient;

import static org.assertj.core.api.Assertions.assertThat;

/** The Dutch texts of the prompt mails. */
class MailTextsTest {

    static final Recipient ANNA = new Recipient("anna", "Anna Jansen", "anna@citydeal.example");
    static final String LINK = "http://localhost:8080/camunda/app/tasklist/default/#/?task=42";

    @Test
    void announcementCountsTheDaysToTheDueDate() {
        MailText text = MailTexts.prompt(new MailTexts.About(
                NotificationKind.REMINDER_BEFORE,
                "City Deal Klimaatadaptatie",
                "Anna Jansen",
                PromptKind.SCALING_PLAN_DUE,
                OffsetDateTime.parse("2026-05-31T09:00+02:00").toInstant(),
                ANNA,
                false,
                LINK,
                LocalDate.of(2026, 5, 17)));

        assertThat(text.subject())
                .isEqualTo(
                        "Herinnering: Opschalingsplan opstellen — City Deal Klimaatadaptatie (uiterlijk 31-05-2026)");
        assertThat(text.body())
                .startsWith("Beste Anna Jansen,")
                .contains(
                        "Over 14 dagen, op 31-05-2026, is het voor \"City Deal Klimaatadaptatie\" tijd voor: Opschalingsplan opstellen.")
                .contains("Waarom: " + PromptKind.SCALING_PLAN_DUE.lesson())
                .contains("Uiterlijk: 31-05-2026")
                .contains("Naar de taak: " + LINK)
                .contains("als dealtrekker van \"City Deal Klimaatadaptatie\".");
    }

    @Test
    void escalationNamesTheDealLeadAndIsAddressedOnBehalfOfTheProgrammeOffice() {
        MailText text = MailTexts.prompt(new MailTexts.About(
                NotificationKind.ESCALATION,
                "City Deal Slimme Stad",
                "Bram Bakker",
                PromptKind.SCALING_PLAN_ESCALATION,
                OffsetDateTime.parse("2026-09-17T09:00+02:00").toInstant(),
                new Recipient("petra", "Petra de Vries", "petra@citydeal.example"),
                true,
                LINK,
                LocalDate.of(2026, 9, 17)));

        assertThat(text.subject()).isEqualTo("Escalatie: opschalingsplan ontbreekt — City Deal Slimme Stad");
        assertThat(text.body())
                .contains("Het opschalingsplan van \"City Deal Slimme Stad\" ontbreekt nog (dealtrekker: Bram Bakker)")
                .contains("Uiterlijk: 17-09-2026")
                .contains("namens het programmabureau");
    }

    @Test
    void dueDateIsTheDutchCalendarDayEvenLateInTheEvening() {
        assertThat(MailTexts.date(OffsetDateTime.parse("2026-03-28T23:30Z").toInstant()))
                .isEqualTo("29-03-2026");
    }
}
