package nl.citydeal.engine.lesson.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.DealSetup;
import nl.citydeal.engine.deal.NewDeal;
import nl.citydeal.engine.deal.ScalingDecision;
import nl.citydeal.engine.deal.ScalingRoute;
import nl.citydeal.engine.identity.Role;
import nl.citydeal.engine.identity.TestUsers;
import nl.citydeal.engine.lesson.LessonQuery;
import nl.citydeal.engine.lesson.LessonTag;
import nl.citydeal.engine.lesson.Lessons;
import nl.citydeal.engine.lesson.SharedLessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The lessons library's pages per role: the programme office and administrators read every lesson, a deal lead
 * every lesson but the internal ones of other deals (and gets no link to a deal that is not theirs); without logging
 * in, every page asks for a login. Each test shares the lessons of a deal of a theme of its own (bram's, with an
 * internal one) and filters on that theme.
 */
@CityDealSpringTest
@AutoConfigureMockMvc
class LessonsLibraryPageTest {

    static final UserRequestPostProcessor OFFICE = user("petra").authorities(() -> Role.PROGRAMME_OFFICE.authority());
    static final UserRequestPostProcessor ADMIN = user("ada").authorities(() -> Role.ADMINISTRATOR.authority());
    static final UserRequestPostProcessor ANNA = user("anna").authorities(() -> Role.DEAL_LEAD.authority());
    static final UserRequestPostProcessor BRAM = user("bram").authorities(() -> Role.DEAL_LEAD.authority());
    static final Instant AT = Instant.parse("2026-06-01T10:00:00Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityService identityService;

    @Autowired
    DealRegistry registry;

    @Autowired
    Lessons lessons;

    String theme;
    String dealId;
    String dealName;
    String shared;
    String internal;
    String untagged;

    @BeforeEach
    void aDealOfBramWithSharedAndInternalLessons() {
        TestUsers.ensure(identityService, "anna", "Lessen-Test-2026!", Role.DEAL_LEAD);
        TestUsers.ensure(identityService, "bram", "Lessen-Test-2026!", Role.DEAL_LEAD);
        String unique = UUID.randomUUID().toString();
        theme = "lessen-" + unique;
        dealName = "Deal Bibliotheek " + unique;
        dealId = registry.register(
                        new NewDeal(
                                dealName,
                                theme,
                                "Gemeente Zwolle",
                                "bram",
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
        registry.recordScalingDecision(
                dealId, new ScalingDecision(Set.of(ScalingRoute.KNOWLEDGE_NETWORK), "Kennis delen"), "petra");
        shared = "Zonder structurele middelen liep de uitvoering vast " + unique;
        internal = "De wethouder haakte af " + unique;
        untagged = "Vroeg begonnen " + unique;
        lessons.share(new SharedLessons(dealId, theme, null, Set.of(), shared, Set.of(LessonTag.MIDDELEN), false), AT);
        lessons.share(
                new SharedLessons(dealId, theme, null, Set.of(), internal, Set.of(LessonTag.EIGENAARSCHAP), true), AT);
        lessons.share(dealId, theme, untagged, null, AT);
    }

    @Test
    void theProgrammeOfficeAndAdministratorsSeeEveryLessonWithItsDealThemePhaseRouteAndTags() throws Exception {
        for (UserRequestPostProcessor who : List.of(OFFICE, ADMIN)) {
            mvc.perform(get("/lessons").param("theme", theme).with(who))
                    .andExpect(status().isOk())
                    .andExpect(content()
                            .string(containsString(
                                    "<a href=\"/lessons\" aria-current=\"page\" class=\"active\">Lessen</a>")))
                    .andExpect(content().string(containsString(shared)))
                    .andExpect(content().string(containsString(internal)))
                    .andExpect(content().string(containsString(untagged)))
                    .andExpect(content().string(containsString(">Intern</span>")))
                    .andExpect(content().string(containsString("href=\"/deals/" + dealId + "\"")))
                    .andExpect(content().string(containsString(ScalingRoute.KNOWLEDGE_NETWORK.label())))
                    .andExpect(content().string(containsString("href=\"/lessons?tag=MIDDELEN\"")))
                    .andExpect(content().string(containsString("Werkte niet")));
        }
    }

    @Test
    void aDealLeadSeesTheSharedLessonsOfAnotherDealButNotItsInternalOnesNorALinkToIt() throws Exception {
        mvc.perform(get("/lessons").param("theme", theme).with(ANNA))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(shared)))
                .andExpect(content().string(containsString(dealName)))
                .andExpect(content().string(not(containsString(internal))))
                .andExpect(content().string(not(containsString("href=\"/deals/" + dealId + "\""))));
        mvc.perform(get("/lessons").param("theme", theme).with(BRAM))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(internal)))
                .andExpect(content().string(containsString("href=\"/deals/" + dealId + "\"")));
        mvc.perform(get("/api/lessons").param("theme", theme).with(ANNA))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[?(@.text == '%s')].tags[0]".formatted(shared))
                        .value("MIDDELEN"));
    }

    @Test
    void filtersOnTagAndKindAndATextSearchFindTheNegativeLessonAboutResources() throws Exception {
        mvc.perform(get("/lessons")
                        .param("theme", theme)
                        .param("tag", "MIDDELEN")
                        .param("kind", "NEGATIVE")
                        .with(OFFICE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(shared)))
                .andExpect(content().string(not(containsString(internal))))
                .andExpect(content().string(not(containsString(untagged))))
                .andExpect(content()
                        .string(containsString(
                                "href=\"/lessons/handbook?tag=MIDDELEN&amp;theme=" + theme + "&amp;kind=NEGATIVE\"")));
        mvc.perform(get("/lessons")
                        .param("theme", theme)
                        .param("text", "STRUCTURELE MIDDELEN")
                        .with(OFFICE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(shared)))
                .andExpect(content().string(not(containsString(untagged))));
        mvc.perform(get("/lessons")
                        .param("theme", theme)
                        .param("kind", "POSITIVE")
                        .with(OFFICE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(untagged)))
                .andExpect(content().string(not(containsString(shared))));
    }

    @Test
    void aLessonHasAPageWithTheDescriptionsOfItsTagsAndAnInternalOneIsNotFoundForAnotherDealLead() throws Exception {
        long internalId = idOf(internal);
        mvc.perform(get("/lessons/{id}", internalId).with(OFFICE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(internal)))
                .andExpect(content().string(containsString(LessonTag.EIGENAARSCHAP.description())))
                .andExpect(content().string(containsString("Intern: alleen voor het programmabureau")))
                .andExpect(content().string(containsString("id=\"deal-link\"")));
        mvc.perform(get("/lessons/{id}", internalId).with(ANNA))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(content().string(containsString("Deze les bestaat niet, of u hebt er geen toegang toe.")))
                .andExpect(content().string(containsString("Uitloggen")))
                .andExpect(content().string(not(containsString(internal))));
        mvc.perform(get("/lessons/{id}", idOf(shared)).with(ANNA))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(shared)))
                .andExpect(content().string(not(containsString("id=\"deal-link\""))));
        mvc.perform(get("/lessons/geen-les").with(OFFICE)).andExpect(status().isNotFound());
    }

    @Test
    void theCsvHasTheSelectedLessonsTheViewerMayReadWithDutchColumns() throws Exception {
        String office = mvc.perform(get("/lessons.csv").param("theme", theme).with(OFFICE))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", containsString("lessen.csv")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> rows = office.lines().toList();
        assertThat(rows.get(0))
                .isEqualTo("Les,Gedeeld op,Deal,Referentie,Thema,Fase,Routes,Soort,Lessen uit het onderzoek,Intern,"
                        + "Tekst");
        assertThat(rows).hasSize(4);
        assertThat(rows)
                .filteredOn(row -> row.endsWith(shared))
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .contains(",2026-06-01," + dealName + ",")
                        .contains(",negatief,Middelen,nee,"));
        assertThat(rows).anyMatch(row -> row.contains(",Eigenaarschap,ja," + internal));

        String anna = mvc.perform(get("/lessons.csv")
                        .param("theme", theme)
                        .param("kind", "NEGATIVE")
                        .with(ANNA))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(anna.lines().toList()).hasSize(2).last().asString().endsWith(shared);
    }

    @Test
    void theHandbookGroupsTheLessonsByTheSeedsLessonsInItsOrderWithTheirDescriptionsAndKeepsTheFilters()
            throws Exception {
        String whole = mvc.perform(get("/lessons/handbook").with(OFFICE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"print-handbook\"")))
                .andExpect(content().string(containsString("/js/print-handbook.js")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        int previous = -1;
        for (LessonTag tag : LessonTag.values()) {
            int chapter = whole.indexOf("id=\"les-" + tag.name().toLowerCase() + "\"");
            assertThat(chapter).as(tag.label()).isGreaterThan(previous);
            assertThat(whole.indexOf(HtmlUtils.htmlEscape(tag.description()), chapter))
                    .isGreaterThan(chapter);
            previous = chapter;
        }

        String page = mvc.perform(get("/lessons/handbook").param("theme", theme).with(OFFICE))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"les-vorm\""))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        int middelen = page.indexOf("id=\"les-middelen\"");
        int eigenaarschap = page.indexOf("id=\"les-eigenaarschap\"");
        int zonder = page.indexOf("id=\"les-zonder\"");
        assertThat(middelen).isPositive().isLessThan(eigenaarschap);
        assertThat(page).as("a chapter without lessons in the selection").doesNotContain("id=\"les-timing\"");
        assertThat(page.indexOf(shared)).isBetween(middelen, eigenaarschap);
        assertThat(page.indexOf(internal)).isBetween(eigenaarschap, zonder);
        assertThat(page.indexOf(">Intern</span>", page.indexOf(internal)))
                .as("an internal lesson is marked in the handbook")
                .isBetween(page.indexOf(internal), zonder);
        assertThat(page.indexOf(untagged)).isGreaterThan(zonder);

        mvc.perform(get("/lessons/handbook")
                        .param("theme", theme)
                        .param("tag", "MIDDELEN")
                        .with(ANNA))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(shared)))
                .andExpect(content().string(not(containsString("id=\"les-vorm\""))))
                .andExpect(content().string(not(containsString(internal))))
                .andExpect(content().string(not(containsString(untagged))));
    }

    @Test
    void aFilterValueThatIsNoneGetsADutchMessageAndSearchesNothing() throws Exception {
        mvc.perform(get("/lessons").param("tag", "GELD").with(OFFICE))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Onbekende les &#39;GELD&#39;; kies uit VORM, MIDDELEN")))
                .andExpect(content().string(containsString("id=\"filter-error\"")))
                .andExpect(content().string(not(containsString("id=\"lessons\""))));
        mvc.perform(get("/lessons/handbook").param("route", "OVERAL").with(OFFICE))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Onbekende opschalingsroute &#39;OVERAL&#39;")));
        mvc.perform(get("/lessons.csv").param("kind", "SOMS").with(OFFICE))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors.kind", containsString("Onbekende soort les 'SOMS'")));
        mvc.perform(get("/api/lessons").param("tag", "GELD").with(ANNA))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors.tag", containsString("Onbekende les 'GELD'")));
    }

    @Test
    void thePageListsTheNewestFiveHundredAndSaysSoWhileTheCsvHasThemAll() throws Exception {
        lessons.share(
                dealId,
                theme,
                String.join(
                        "\n\n",
                        java.util.stream.IntStream.range(0, 501)
                                .mapToObj(i -> "Les " + i)
                                .toList()),
                null,
                AT.plusSeconds(60));

        String page = mvc.perform(get("/lessons").param("theme", theme).with(OFFICE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("De nieuwste 500 van 504 lessen staan hieronder")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page.split("class=\"panel library-lesson", -1)).hasSize(501);
        assertThat(page).as("the oldest are left out").doesNotContain(shared);
        String csv = mvc.perform(get("/lessons.csv").param("theme", theme).with(OFFICE))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv.lines()).hasSize(505);
    }

    @Test
    void theDealPageLinksEachOfItsLessonsAndTheLessonsOfItsThemeInTheLibrary() throws Exception {
        mvc.perform(get("/deals/{id}", dealId).with(OFFICE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/lessons/" + idOf(shared) + "\"")))
                .andExpect(content().string(containsString("href=\"/lessons?theme=" + theme + "\"")))
                .andExpect(content().string(containsString("href=\"/lessons?tag=EIGENAARSCHAP\"")));
    }

    @Test
    void withoutLoggingInEveryPageOfTheLibraryAsksForALogin() throws Exception {
        for (String path : List.of("/lessons", "/lessons/" + idOf(shared), "/lessons.csv", "/lessons/handbook")) {
            mvc.perform(get(path)).andExpect(status().isFound()).andExpect(redirectedUrl("http://localhost/login"));
        }
    }

    private long idOf(String text) {
        return lessons.search(new LessonQuery(text, null, theme, null, null), null).stream()
                .findFirst()
                .orElseThrow()
                .id();
    }
}
