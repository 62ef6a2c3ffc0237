package nl.citydeal.engine.prompt;

/** The timed prompts of the experimentation phase, each with the lesson behind it. */
public enum PromptKind {
    OWNERSHIP_CONVERSATION(
            "Eigenaarschapsgesprek voeren",
            "Eigenaarschap: bespreek gedeeld eigenaarschap vroeg, niet pas aan het eind."),
    SCALING_EXPLORATION("Opschaling verkennen", "Timing: denk ruim voor het einde na over opschaling."),
    MID_TERM_REVIEW(
            "Tussenbalans houden", "Procesvaardigheid: combineer korte en lange termijn, structuur en momentum."),
    SCALING_PLAN_DUE(
            "Opschalingsplan opstellen", "Timing: een opschalingsplan ruim voor het einde maakt een vervolg mogelijk."),
    SCALING_PLAN_ESCALATION(
            "Escalatie: opschalingsplan ontbreekt",
            "Timing: zonder opschalingsplan dreigt het resultaat na afloop te verdwijnen."),
    ANSWERABILITY_REVIEW(
            "Aanspreekbaarheidsgesprek met bestuurders",
            "Afrekenbaarheid: in de experimenteerfase aanspreekbaarheid van bestuurders, geen harde doelen.");

    private final String label;
    private final String lesson;

    PromptKind(String label, String lesson) {
        this.label = label;
        this.lesson = lesson;
    }

    public String label() {
        return label;
    }

    public String lesson() {
        return lesson;
    }

    /** Whether the prompt recurs (every so many months) rather than falling once. */
    public boolean repeats() {
        return this == ANSWERABILITY_REVIEW;
    }
}
