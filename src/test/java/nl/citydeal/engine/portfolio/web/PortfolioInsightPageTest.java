package nl.citydeal.engine.portfolio.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealCriteria;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.DealSelection;
import nl.citydeal.engine.deal.DealSetup;
import nl.citydeal.engine.deal.NewDeal;
import nl.citydeal.engine.deal.ParticipantType;
import nl.citydeal.engine.deal.ScalingDecision;
import nl.citydeal.engine.deal.ScalingRoute;
import nl.citydeal.engine.identity.Role;
import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.Prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The readiness grid (/portfolio/readiness) and the charts (/portfolio/charts) per role: the programme office and
 * administrators see every deal, a deal lead only their own, nobody without logging in; every chart has a table with
 * the same numbers; a sort or filter that is not one gets a Dutch message. Every test registers deals of a theme of
 * its own for two deal leads of this class's own.
 */
@CityDealSpringTest
@AutoConfigureMockMvc
class PortfolioInsightPageTest {

    static final String LEAD = "insight-lead";
    static final String OTHER_LEAD = "insight-other";
    static final UserRequestPostProcessor OFFICE = user("petra").authorities(() -> Role.PROGRAMME_OFFICE.authority());
    static final UserRequestPostProcessor ADMIN = user("ada").authorities(() -> Role.ADMINISTRATOR.authority());
    static final UserRequestPostProcessor DEAL_LEAD = user(LEAD).authorities(() -> Role.DEAL_LEAD.authority());

    static final Pattern FIGURE = Pattern.compile("<figure.*?</figure>", Pattern.DOTALL);
    static final Pattern SVG = Pattern.compile("<svg class=\"chart.*?</svg>", Pattern.DOTALL);
    static final Pattern TABLE = Pattern.compile("<table class=\"data chart-table\">.*?</table>", Pattern.DOTALL);
    static final Pattern VALUE = Pattern.compile("data-value=\"(\\d+)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    DealRegistry registry;

    @Autowired
    Prompts promptLog;

    @Autowired
    IdentityService identityService;

    @Autowired
    Clock clock;

    String theme;

    @BeforeEach
    void leadsAndTheme() {
        for (String lead : List.of(LEAD, OTHER_LEAD)) {
            if (identityService.createUserQuery().userId(lead).count() == 0) {
                User user = identityService.newUser(lead);
                user.setFirstName("Lead");
                user.setLastName(lead);
                user.setPassword("Grafieken-Test-2026!");
                identityService.saveUser(user);
                identityService.createMembership(lead, Role.DEAL_LEAD.groupId());
            }
        }
        theme = "inzicht-" + UUID.randomUUID();
    }

    @Test
    void theProgrammeOfficeSeesEveryDealInTheGridWithTheQuestionsAsTitlesAndTheLessonOnHover() throws Exception {
        Deal own = recent("Eigenaarschap gemist", LEAD);
        promptLog.cancel(own.getId(), PromptKind.OWNERSHIP_CONVERSATION);
        Deal other = register("In voorbereiding", OTHER_LEAD, null, null);

        for (UserRequestPostProcessor viewer : List.of(OFFICE, ADMIN)) {
            mvc.perform(get("/portfolio/readiness").with(viewer))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Security-Policy", containsString("style-src 'self'")))
                    .andExpect(content().string(containsString("<h1>Opschalingsgereedheid</h1>")))
                    .andExpect(content().string(containsString("href=\"/deals/" + own.getId() + "\"")))
                    .andExpect(content().string(containsString("href=\"/deals/" + other.getId() + "\"")))
                    .andExpect(content()
                            .string(containsString(
                                    "title=\"Eigenaarschap vroeg besproken (vóór de verkenning van opschaling)?\"")))
                    .andExpect(content()
                            .string(containsString("Eigenaarschapsgesprek vervallen zonder uitvoering. Les: ")))
                    .andExpect(content().string(containsString("class=\"answer status-no\"")))
                    .andExpect(content()
                            .string(containsString("aria-current=\"page\" class=\"active\">Opschalingsgereedheid</a>")))
                    .andExpect(content().string(containsString("href=\"/portfolio/charts\"")))
                    .andExpect(content().string(not(containsString("style="))));
        }
    }

    @Test
    void filteringOnNoForOwnershipShowsTheDealsThatMissedTheOwnershipConversationOnly() throws Exception {
        Deal missed = recent("Gemist", LEAD);
        promptLog.cancel(missed.getId(), PromptKind.OWNERSHIP_CONVERSATION);
        Deal onTime = recent("Nog op tijd", LEAD);

        String page = mvc.perform(get("/portfolio/readiness")
                        .param("item", "ownership")
                        .param("status", "no")
                        .with(OFFICE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Alleen de deals met ‘nee’ bij eigenaarschap.")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("/deals/" + missed.getId()).doesNotContain("/deals/" + onTime.getId());
        // every row left has "nee" in its ownership cell
        Matcher cells = Pattern.compile("class=\"answer status-([a-z-]+)\"[^>]*data-item=\"ownership\"")
                .matcher(page);
        List<String> answers = new ArrayList<>();
        while (cells.find()) {
            answers.add(cells.group(1));
        }
        assertThat(answers).isNotEmpty().containsOnly("no");
    }

    @Test
    void sortingByOwnershipPutsTheNoesFirstAndTheHeaderSaysHowItIsSorted() throws Exception {
        Deal missed = recent("Zwolle gemist", LEAD);
        promptLog.cancel(missed.getId(), PromptKind.OWNERSHIP_CONVERSATION);
        Deal onTime = recent("Almere op tijd", LEAD);

        String page = mvc.perform(get("/portfolio/readiness")
                        .param("sort", "ownership")
                        .param("dir", "asc")
                        .with(DEAL_LEAD))
                .andExpect(status().isOk())
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "aria-sort=\"ascending\"><a href=\"/portfolio/readiness?sort=ownership&amp;dir=desc\"")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page.indexOf("/deals/" + missed.getId()))
                .isPositive()
                .isLessThan(page.indexOf("/deals/" + onTime.getId()));
        Matcher cells = Pattern.compile("class=\"answer status-([a-z-]+)\"[^>]*data-item=\"ownership\"")
                .matcher(page);
        List<String> answers = new ArrayList<>();
        while (cells.find()) {
            answers.add(cells.group(1));
        }
        // the noes come first, all together
        int lastNo = answers.lastIndexOf("no");
        assertThat(answers.subList(0, lastNo + 1)).containsOnly("no");
    }

    @Test
    void aDealLeadSeesOnlyTheirOwnDealsInTheGridAndInTheCharts() throws Exception {
        Deal own = running("Eigen deal", LEAD);
        Deal other = running("Andermans deal", OTHER_LEAD);

        mvc.perform(get("/portfolio/readiness").with(DEAL_LEAD))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/deals/" + own.getId())))
                .andExpect(content().string(not(containsString("/deals/" + other.getId()))))
                .andExpect(content().string(containsString("Alleen de deals die u trekt")));
        String charts = mvc.perform(get("/portfolio/charts").with(DEAL_LEAD))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Alleen de deals die u trekt")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        // the running deals signed 20 months ago have overdue prompts: only the lead's own count
        assertThat(charts).contains(">Lead " + LEAD + "<").doesNotContain("Lead " + OTHER_LEAD);
        long overdue =
                promptLog.countOverdue(clock.instant(), new DealSelection(DealCriteria.ledBy(LEAD), clock.instant()));
        assertThat(charts).contains("<strong>" + overdue + "</strong> achterstallige prompts");

        String office = mvc.perform(get("/portfolio/charts").with(OFFICE))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(office).contains(">Lead " + LEAD + "<").contains(">Lead " + OTHER_LEAD + "<");
    }

    @Test
    void everyChartHasATableWithTheSameNumbers() throws Exception {
        Deal deal = running("Grafiek", LEAD);
        registry.recordScalingDecision(
                deal.getId(), new ScalingDecision(Set.of(ScalingRoute.KNOWLEDGE_NETWORK), "Kennis delen"), "petra");
        register("Voorbereiding", OTHER_LEAD, null, null);

        for (String path : List.of("/portfolio/charts", "/portfolio/readiness")) {
            String page = mvc.perform(get(path).with(OFFICE))
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("style="))))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            Matcher figures = FIGURE.matcher(page);
            int seen = 0;
            while (figures.find()) {
                String figure = figures.group();
                assertThat(figure).contains("<figcaption>");
                Matcher svg = SVG.matcher(figure);
                Matcher table = TABLE.matcher(figure);
                if (figure.contains("class=\"empty\"")) {
                    assertThat(svg.find()).isFalse();
                    continue;
                }
                assertThat(svg.find()).as("a chart in " + path).isTrue();
                assertThat(svg.group()).contains("role=\"img\"").contains("aria-label=\"");
                assertThat(table.find())
                        .as("a table beside every chart in " + path)
                        .isTrue();
                assertThat(nonZero(svg.group())).isEqualTo(nonZero(table.group()));
                seen++;
            }
            assertThat(seen).as("charts on " + path).isGreaterThanOrEqualTo(path.endsWith("charts") ? 4 : 1);
        }
    }

    @Test
    void aSortOrFilterThatIsNotOneGetsADutchMessageAndTheGridByName() throws Exception {
        Deal deal = register("Gewoon", LEAD, null, null);
        mvc.perform(get("/portfolio/readiness")
                        .param("sort", "'; drop table deal")
                        .with(OFFICE))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString(PortfolioInsightController.BAD_SORT)))
                .andExpect(content()
                        .string(containsString(
                                "aria-sort=\"ascending\"><a href=\"/portfolio/readiness?sort=name&amp;dir=desc\"")))
                .andExpect(content().string(containsString("/deals/" + deal.getId())));
        mvc.perform(get("/portfolio/readiness")
                        .param("sort", "name")
                        .param("dir", "sideways")
                        .with(OFFICE))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString(PortfolioInsightController.BAD_SORT)));
        mvc.perform(get("/portfolio/readiness")
                        .param("item", "ownership")
                        .param("status", "nee")
                        .with(OFFICE))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString(PortfolioInsightController.BAD_FILTER)))
                .andExpect(content().string(containsString("/deals/" + deal.getId())));
    }

    @Test
    void withoutLoggingInBothPagesAskForALogin() throws Exception {
        for (String path : List.of("/portfolio/readiness", "/portfolio/charts")) {
            mvc.perform(get(path)).andExpect(status().isFound()).andExpect(redirectedUrl("http://localhost/login"));
        }
    }

    @Test
    void theChartsSayWhatThePhaseHistoryRestsOnAndTheTabIsMarked() throws Exception {
        running("Fasen", LEAD);
        mvc.perform(get("/portfolio/charts").with(OFFICE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Grafieken</h1>")))
                .andExpect(content().string(containsString("aria-current=\"page\" class=\"active\">Grafieken</a>")))
                .andExpect(content().string(containsString("Deals per fase, aan het eind van elk kwartaal")))
                .andExpect(content().string(containsString("Afgeleid uit de registratie van elke deal")))
                .andExpect(content().string(containsString("Prompts per maand, de komende twaalf maanden")))
                .andExpect(content().string(containsString("Gekozen opschalingsroutes")))
                .andExpect(content().string(containsString("Achterstallige prompts per dealtrekker")));
    }

    /** The numbers above zero in a piece of the page, in order of size. */
    private static List<Long> nonZero(String html) {
        List<Long> values = new ArrayList<>();
        Matcher matcher = VALUE.matcher(html);
        while (matcher.find()) {
            long value = Long.parseLong(matcher.group(1));
            if (value > 0) {
                values.add(value);
            }
        }
        values.sort(null);
        return values;
    }

    /** A running deal signed 20 months ago for three years: imported, in its experimentation, with overdue prompts. */
    private Deal running(String name, String lead) {
        LocalDate signed = LocalDate.now(clock).minusMonths(20);
        return register(name, lead, signed, signed.plusYears(3));
    }

    /**
     * A deal signed a month ago for four years, taken in: its scaling exploration still to come, so whether the
     * ownership conversation is held in time is known (not "onbekend").
     */
    private Deal recent(String name, String lead) {
        LocalDate signed = LocalDate.now(clock).minusMonths(1);
        return register(name, lead, signed, signed.plusYears(4));
    }

    private Deal register(String name, String lead, LocalDate signedOn, LocalDate endsOn) {
        return registry.register(
                new NewDeal(
                        name + " " + theme,
                        theme,
                        "Gemeente Zwolle",
                        lead,
                        "petra",
                        "Een ambitie",
                        DealSetup.ONE_PART,
                        signedOn,
                        endsOn,
                        signedOn == null ? null : "Stcrt. " + signedOn.getYear() + ", 1",
                        List.of(new NewDeal.NewParticipant(
                                "Waterschap Test", ParticipantType.WATER_BOARD, "Kennis van water", true)),
                        null),
                "petra");
    }
}
