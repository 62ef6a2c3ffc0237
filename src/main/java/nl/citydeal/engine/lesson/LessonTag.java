package nl.citydeal.engine.lesson;

import java.util.Arrays;
import java.util.Optional;

/**
 * The lessons of the seed, <em>Opschaling van City Deals</em> (Agenda Stad): the deal lead tags each shared lesson
 * with the ones it is about, so the library and the handbook can group what deals learned by them. The label is the
 * lesson's Dutch name, the description its summary in the seed.
 */
public enum LessonTag {
    VORM(
            "Vorm",
            "Een vervolg op een succesvol afgeronde City Deal hoeft niet per se een nieuwe City Deal te zijn; de"
                    + " organisatievorm voor opschaling kan anders zijn."),
    MIDDELEN(
            "Middelen",
            "Bestuurlijk commitment moet gepaard gaan met voldoende middelen, met zicht op middelen voor uitvoering"
                    + " zodra er meer duidelijkheid is."),
    AFREKENBAARHEID(
            "Afrekenbaarheid",
            "Focus in een experimenteerfase niet te veel op afrekenbaarheid (meetbare doelen), maar meer op"
                    + " aanspreekbaarheid van bestuurders."),
    DEELNEMERS(
            "Deelnemers",
            "Er mag kritisch(er) worden gescreend op de toegevoegde waarde van deelnemers; dat komt de opschaling"
                    + " ten goede."),
    TIMING("Timing", "Denk ruim voor het eind van de City Deal na over opschaling, om ernaar toe te kunnen sturen."),
    PROCESVAARDIGHEID(
            "Procesvaardigheid",
            "Combineer korte- en langetermijndenken, en denk in structuren (fasen) terwijl je ruimte laat om in een"
                    + " stroomversnelling mee te gaan."),
    MISLUKKEN(
            "Mislukken",
            "Ook een City Deal die 'mislukt' levert relevante lessen op: kennis over wat niet werkt delen is ook"
                    + " opschaling."),
    EIGENAARSCHAP(
            "Eigenaarschap",
            "Een gevoel van gedeeld eigenaarschap is essentieel voor opschaling, en moet niet pas aan het eind"
                    + " besproken worden.");

    private final String label;
    private final String description;

    LessonTag(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** The tag by its name ({@code MIDDELEN}); empty for anything else. */
    public static Optional<LessonTag> parse(String name) {
        return Arrays.stream(values()).filter(tag -> tag.name().equals(name)).findFirst();
    }
}
