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
    /**
     * Running deals signed this many months ago for {@link #RUNNING_TERM_MONTHS}: their ownership conversation (at 25%
     * of the term, four and a half months) is due, their first answerability review (six months) and scaling
     * exploration (40%) are not: one prompt due per deal.
     */
    static final int RUNNING_SINCE_MONTHS = 5;

    static final int RUNNING_TERM_MONTHS = 18;

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

    /** A word every deal's screening answer holds ({@link #screening}). */
    static final String COMMON_WORD = "dijken";

    /**
     * What the deal lead answers on screening a participant (the deal's first task, the {@code i}th completed):
     * accepted, no further one; its added value holds {@link #COMMON_WORD} and a word of its own ({@link #ownWord}).
     */
    static java.util.Map<String, Object> screening(int i) {
        return java.util.Map.of(
                "participantName",
                "Waterschap Benchmark",
                "participantType",
                "WATER_BOARD",
                "participantAddedValue",
                "Beheert de " + COMMON_WORD + " van dijkring " + ownWord(i)
                        + " en het water in het gebied van de deal.",
                "participantAccepted",
                true,
                "moreParticipants",
                false);
    }

    /** A word only the {@code i}th screening answer holds: letters, so that every database reads it as one word. */
    static String ownWord(int i) {
        StringBuilder word = new StringBuilder("kring");
        int rest = i;
        for (int letter = 0; letter < 4; letter++) {
            word.append((char) ('a' + rest % 26));
            rest /= 26;
        }
        return word.toString();
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
                signed.plusMonths(RUNNING_TERM_MONTHS),
                null,
                List.of(),
                null);
    }
}
