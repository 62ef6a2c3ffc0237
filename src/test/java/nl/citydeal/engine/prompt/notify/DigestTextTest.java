package nl.citydeal.engine.prompt.notify;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.citydeal.engine.prompt.PromptKind;

import static org.assertj.core.api.Assertions.assertThat;

/** The weekly digest's text, built from what the programme office must know this week. */
class DigestTextTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    static final String LINK = "http://localhost:8080/camunda/app/tasklist/default/";

    @Test
    void digestListsPromptsDueThisWeekOverduePromptsAndDealsWithoutAScalingPlan() {
        MailText digest = DigestText.build(
                "Petra de Vries",
                MONDAY,
                List.of(new DigestText.Item(
                        "City Deal Klimaatadaptatie",
                        "Anna Jansen",
                        PromptKind.SCALING_EXPLORATION,
                        MONDAY.plusDays(3))),
                List.of(
                        new DigestText.Item(
                                "City Deal Inclusieve Stad",
                                "Bram Bakker",
                                PromptKind.OWNERSHIP_CONVERSATION,
                                MONDAY.minusDays(10)),
                        new DigestText.Item(
                                "City Deal Slimme Stad",
                                "Anna Jansen",
                                PromptKind.MID_TERM_REVIEW,
                                MONDAY.minusDays(1))),
                List.of(new DigestText.MissingPlan(
                        "City Deal Inclusieve Stad",
                        "Bram Bakker",
                        LocalDate.of(2026, 5, 31),
                        LocalDate.of(2027, 3, 1))),
                LINK);

        assertThat(digest.subject()).isEqualTo("Weekoverzicht City Deals — week 49 (30-11-2026 t/m 06-12-2026)");
        assertThat(digest.body())
                .startsWith("Beste Petra de Vries,")
                .contains(
                        "Deze week aan de beurt (30-11-2026 t/m 06-12-2026): 1\n"
                                + "  - City Deal Klimaatadaptatie — Opschaling verkennen, uiterlijk 03-12-2026 (dealtrekker: Anna Jansen)")
                .contains(
                        "Verlopen en nog open: 2\n"
                                + "  - City Deal Inclusieve Stad — Eigenaarschapsgesprek voeren, verlopen op 20-11-2026 (10 dagen geleden; dealtrekker: Bram Bakker)\n"
                                + "  - City Deal Slimme Stad — Tussenbalans houden, verlopen op 29-11-2026 (1 dag geleden; dealtrekker: Anna Jansen)")
                .contains(
                        "Opschalingsplan over de datum van het herinneringsschema: 1\n"
                                + "  - City Deal Inclusieve Stad — plan nodig sinds 31-05-2026, einddatum 01-03-2027 (dealtrekker: Bram Bakker)")
                .contains("Naar de takenlijst: " + LINK);
    }

    @Test
    void quietWeekSaysSoInEverySection() {
        MailText digest = DigestText.build("Programmabureau", MONDAY, List.of(), List.of(), List.of(), LINK);

        assertThat(digest.body())
                .contains("Deze week aan de beurt (30-11-2026 t/m 06-12-2026): 0\n  geen")
                .contains("Verlopen en nog open: 0\n  geen")
                .contains("herinneringsschema: 0\n  geen");
    }

    @Test
    void programmeOfficesDigestListsIncidentsWithCauseAndWhereToRetryThem() {
        MailText digest = DigestText.build(
                "Programmabureau",
                MONDAY,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(new DigestText.Incident(
                        "Herinnering of termijn 'Eigenaarschapsgesprek aan de beurt' kon niet afgaan (CD-2026-001)",
                        "Deal niet gevonden",
                        MONDAY.minusDays(2))),
                "https://citydeals.example.nl/admin/incidents",
                LINK,
                false,
                null);

        assertThat(digest.body())
                .contains("Storingen (wachten op een beheerder): 1\n"
                        + "  - Herinnering of termijn 'Eigenaarschapsgesprek aan de beurt' kon niet afgaan (CD-2026-001),"
                        + " sinds 28-11-2026 — oorzaak: Deal niet gevonden\n"
                        + "  Bekijken en opnieuw proberen: https://citydeals.example.nl/admin/incidents\n");
    }

    @Test
    void aDealLeadsOwnDigestHasNoIncidentSection() {
        MailText digest =
                DigestText.build("Anna", MONDAY, List.of(), List.of(), List.of(), List.of(), LINK, true, LINK);

        assertThat(digest.body()).doesNotContain("Storingen");
    }

    @Test
    void weekNamesTheIsoWeekSoEachPersonGetsOneDigestAWeek() {
        assertThat(DigestText.week(MONDAY)).isEqualTo("2026-W49");
        assertThat(DigestText.week(MONDAY.plusDays(6))).isEqualTo("2026-W49");
        assertThat(DigestText.week(LocalDate.of(2027, 1, 1))).isEqualTo("2026-W53");
    }
}
