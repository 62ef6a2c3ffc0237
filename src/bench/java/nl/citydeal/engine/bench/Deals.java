package nl.citydeal.engine.bench;

import java.time.LocalDate;
import java.util.List;

import nl.citydeal.engine.deal.DealSetup;
import nl.citydeal.engine.deal.NewDeal;

/** The deals the benchmark registers: alike in size to the real ones, spread over five themes. */
final class Deals {

    static final String THEME = "Klimaatadaptatie";
    static final List<String> THEMES = List.of(THEME, "Energietransitie", "Circulaire economie", "Mobiliteit", "Wonen");
    static final String LEAD_ORGANISATION = "Gemeente Benchmark";
    static final String AMBITION =
            "Samen met partners experimenteren met een aanpak die na de looptijd kan worden opgeschaald.";
    /** Running deals signed this many months ago for three years: their ownership conversation (25%) is due. */
    static final int RUNNING_SINCE_MONTHS = 10;

    private Deals() {}

    static String name(String prefix, int i) {
        return "%s %05d".formatted(prefix, i);
    }

    static String theme(int i) {
        return THEMES.get(i % THEMES.size());
    }

    /** A new deal, in preparation: what the programme office registers. */
    static NewDeal newDeal(String prefix, int i, String dealLead) {
        return new NewDeal(
                name(prefix, i),
                theme(i),
                LEAD_ORGANISATION,
                dealLead,
                null,
                AMBITION,
                null,
                null,
                null,
                null,
                List.of(),
                null);
    }

    /** The same as the JSON body of {@code POST /api/deals}. */
    static String newDealJson(String prefix, int i, String dealLead) {
        return """
                {"name":"%s","theme":"%s","leadOrganisation":"%s","dealLead":"%s","ambition":"%s"}""".formatted(name(prefix, i), theme(i), LEAD_ORGANISATION, dealLead, AMBITION);
    }

    /** What the deal lead answers on screening a participant (the deal's first task): accepted, no further one. */
    static java.util.Map<String, Object> screening() {
        return java.util.Map.of(
                "participantName", "Waterschap Benchmark",
                "participantType", "WATER_BOARD",
                "participantAddedValue", "Beheert de dijken en het water in het gebied van de deal.",
                "participantAccepted", true,
                "moreParticipants", false);
    }

    /** A running deal being imported, signed {@link #RUNNING_SINCE_MONTHS} months ago: one prompt due. */
    static NewDeal runningDeal(String prefix, int i, String dealLead, LocalDate today) {
        LocalDate signed = today.minusMonths(RUNNING_SINCE_MONTHS);
        return new NewDeal(
                name(prefix, i),
                theme(i),
                LEAD_ORGANISATION,
                dealLead,
                null,
                AMBITION,
                DealSetup.ONE_PART,
                signed,
                signed.plusYears(3),
                null,
                List.of(),
                null);
    }
}
