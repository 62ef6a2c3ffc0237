package nl.citydeal.engine.lesson;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.citydeal.engine.AlsoOnPostgres;
import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.DealSetup;
import nl.citydeal.engine.deal.NewDeal;
import nl.citydeal.engine.deal.ScalingDecision;
import nl.citydeal.engine.deal.ScalingRoute;
import nl.citydeal.engine.identity.Role;
import nl.citydeal.engine.identity.TestUsers;
import nl.citydeal.engine.system.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The lessons library's query and its rule of who reads what: the programme office (no {@code onlyLead}) every
 * lesson; a deal lead every lesson but the internal ones of deals they do not lead. Each test shares lessons of a
 * theme of its own and filters on it, so the lessons of other tests do not get in the way. Also on PostgreSQL: the
 * search is the database's (LIKE with an escape, membership of the tags).
 */
@CityDealSpringTest
@AlsoOnPostgres
class LessonsTest {

    static final Instant AT = Instant.parse("2026-06-01T10:00:00Z");

    @Autowired
    Lessons lessons;

    @Autowired
    DealRegistry registry;

    String theme;

    @Autowired
    IdentityService identityService;

    @BeforeEach
    void dealLeadsAndAThemeOfItsOwn() {
        TestUsers.ensure(identityService, "anna", "Lessen-Test-2026!", Role.DEAL_LEAD);
        TestUsers.ensure(identityService, "bram", "Lessen-Test-2026!", Role.DEAL_LEAD);
        theme = "lessen-" + UUID.randomUUID();
    }

    @Test
    void aLessonIsFoundByTagByAWordOfItsTextWhateverTheCaseAndByKind() {
        String deal = register("anna");
        lessons.share(
                new SharedLessons(
                        deal,
                        theme,
                        "Vroeg over opschaling gesproken.",
                        Set.of(LessonTag.TIMING),
                        "Zonder structurele Middelen liep de uitvoering vast.\n\nTe veel deelnemers zonder inbreng.",
                        Set.of(LessonTag.MIDDELEN, LessonTag.DEELNEMERS),
                        false),
                AT);

        assertThat(texts(new LessonQuery(null, LessonTag.MIDDELEN, theme, null, LessonQuery.Kind.NEGATIVE), null))
                .containsExactlyInAnyOrder(
                        "Zonder structurele Middelen liep de uitvoering vast.", "Te veel deelnemers zonder inbreng.");
        assertThat(texts(new LessonQuery("middelen", null, theme, null, null), null))
                .containsExactly("Zonder structurele Middelen liep de uitvoering vast.");
        assertThat(texts(new LessonQuery(null, LessonTag.TIMING, theme, null, LessonQuery.Kind.NEGATIVE), null))
                .as("timing is a tag of the positive side only")
                .isEmpty();
        assertThat(texts(new LessonQuery(null, null, theme, null, LessonQuery.Kind.POSITIVE), null))
                .containsExactly("Vroeg over opschaling gesproken.");
        assertThat(texts(new LessonQuery("100%", null, theme, null, null), null))
                .as("a wildcard in the text is taken literally")
                .isEmpty();
    }

    @Test
    void aRouteSelectsTheLessonsOfDealsThatChoseIt() {
        String network = register("anna");
        registry.recordScalingDecision(
                network, new ScalingDecision(Set.of(ScalingRoute.KNOWLEDGE_NETWORK), "Kennis delen"), "petra");
        String other = register("bram");
        lessons.share(network, theme, "Handreiking gemaakt.", null, AT);
        lessons.share(other, theme, "Nog geen route.", null, AT);

        List<LibraryLesson> found =
                lessons.search(new LessonQuery(null, null, theme, ScalingRoute.KNOWLEDGE_NETWORK, null), null);

        assertThat(found).extracting(l -> l.lesson().getText()).containsExactly("Handreiking gemaakt.");
        assertThat(found.get(0).routeLabels()).isEqualTo(ScalingRoute.KNOWLEDGE_NETWORK.label());
        assertThat(found.get(0).dealName()).isEqualTo(registry.get(network).getName());
    }

    @Test
    void internalLessonsAreReadByTheProgrammeOfficeAndTheirOwnDealsLeadsButNotByOtherDealLeads() {
        String annas = register("anna");
        lessons.share(
                new SharedLessons(annas, theme, "Intern: wethouder haakte af.", Set.of(), null, Set.of(), true), AT);
        lessons.share(annas, theme, "Voor iedereen: vroeg begonnen.", null, AT);
        LessonQuery all = new LessonQuery(null, null, theme, null, null);

        assertThat(texts(all, null))
                .containsExactlyInAnyOrder("Intern: wethouder haakte af.", "Voor iedereen: vroeg begonnen.");
        assertThat(texts(all, "anna")).as("the deal's own lead").hasSize(2);
        assertThat(texts(all, "bram")).containsExactly("Voor iedereen: vroeg begonnen.");

        long internal = lessons.search(all, null).stream()
                .filter(l -> l.lesson().isInternal())
                .findFirst()
                .orElseThrow()
                .id();
        assertThat(lessons.find(internal, null)).isPresent();
        assertThat(lessons.find(internal, "anna")).isPresent();
        assertThat(lessons.find(internal, "bram")).as("as if it did not exist").isEmpty();
        assertThat(lessons.find(Long.MAX_VALUE, null)).isEmpty();
    }

    @Test
    void filterValuesThatAreNoneAreRefusedInDutchPerParameter() {
        assertThatThrownBy(() -> LessonQuery.parse(null, "GELD", null, "OVERAL", "SOMS"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .containsEntry(
                                        "tag",
                                        "Onbekende les 'GELD'; kies uit VORM, MIDDELEN, AFREKENBAARHEID, DEELNEMERS, TIMING,"
                                                + " PROCESVAARDIGHEID, MISLUKKEN, EIGENAARSCHAP.")
                                .containsKeys("route", "kind"));
        assertThatThrownBy(() -> LessonQuery.parse("x".repeat(201), null, null, null, null))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors()).containsEntry("text", "Zoek op hoogstens 200 tekens."));
        assertThat(LessonQuery.parse(" ", "", null, "", ""))
                .as("blank is no filter")
                .isEqualTo(LessonQuery.ALL);
    }

    private List<String> texts(LessonQuery query, String onlyLead) {
        return lessons.search(query, onlyLead).stream()
                .map(l -> l.lesson().getText())
                .toList();
    }

    private String register(String lead) {
        return registry.register(
                        new NewDeal(
                                "Deal " + UUID.randomUUID(),
                                theme,
                                "Gemeente Zwolle",
                                lead,
                                "petra",
                                "Een ambitie",
                                DealSetup.ONE_PART,
                                null,
                                null,
                                (String) null,
                                List.of(),
                                null),
                        "petra")
                .getId();
    }
}
