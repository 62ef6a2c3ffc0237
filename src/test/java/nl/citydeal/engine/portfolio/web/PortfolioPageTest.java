package nl.citydeal.engine.portfolio.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.deal.DealPeople;
import nl.citydeal.engine.deal.DealPhase;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.DealSetup;
import nl.citydeal.engine.deal.NewDeal;
import nl.citydeal.engine.deal.ParticipantType;
import nl.citydeal.engine.dossier.CompletedStep;
import nl.citydeal.engine.dossier.Dossier;
import nl.citydeal.engine.identity.Role;
import nl.citydeal.engine.portfolio.Portfolio;
import nl.citydeal.engine.portfolio.PortfolioDates;
import nl.citydeal.engine.prompt.Prompt;
import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.PromptSchedule;
import nl.citydeal.engine.prompt.Prompts;
import nl.citydeal.engine.system.PersonNames;

import static nl.citydeal.engine.processengine.CityDealProcess.Variable.DEAL_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The portfolio overview at "/" and the deal pages: what each user sees, filters and order, escaping. Every test
 * registers deals of a theme of its own, so the deals of other tests in the same context do not get in the way.
 */
@CityDealSpringTest
@AutoConfigureMockMvc
class PortfolioPageTest {

    static final UserRequestPostProcessor OFFICE = user("petra").authorities(() -> Role.PROGRAMME_OFFICE.authority());
    static final UserRequestPostProcessor ADMIN = user("ada").authorities(() -> Role.ADMINISTRATOR.authority());
    static final UserRequestPostProcessor ANNA = user("anna").authorities(() -> Role.DEAL_LEAD.authority());

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityService identityService;

    @Autowired
    DealRegistry registry;

    @Autowired
    Prompts promptLog;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    Dossier dossier;

    @Autowired
    DealPeople people;

    @Autowired
    PersonNames personNames;

    String theme;

    @BeforeEach
    void dealLeadsAndATheme() {
        for (String lead : new String[] {"anna", "bram"}) {
            if (identityService.createUserQuery().userId(lead).count() == 0) {
                identityService.saveUser(identityService.newUser(lead));
                identityService.createMembership(lead, Role.DEAL_LEAD.groupId());
            }
        }
        theme = "thema-" + UUID.randomUUID();
    }

    @Test
    void overviewListsTheDealsWithReferencePhaseTermAndNextPromptAndMarksOverduePrompts() throws Exception {
        LocalDate signed = LocalDate.now().minusMonths(20);
        String running = register("Lopende deal", "anna", signed, signed.plusYears(3));
        String preparing = register("Deal in voorbereiding", "bram", null, null);
        Prompt next = promptLog.forDeal(running).stream()
                .filter(Prompt::isOpen)
                .min(Comparator.comparing(Prompt::getDueAt))
                .orElseThrow();

        mvc.perform(get("/").param("theme", theme).with(OFFICE))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(content().string(containsString("href=\"/deals/" + running + "\"")))
                .andExpect(content().string(containsString("href=\"/deals/" + preparing + "\"")))
                .andExpect(content().string(containsString(">Lopende deal " + theme + "<")))
                .andExpect(content()
                        .string(containsString(">" + registry.get(running).getReference() + "</span>")))
                .andExpect(content().string(containsString(">Experimenteerfase<")))
                .andExpect(content().string(containsString(">Voorbereiding<")))
                .andExpect(content().string(containsString(next.getKind().label())))
                .andExpect(content().string(containsString(PortfolioDates.day(next.getDueAt()))))
                .andExpect(content().string(containsString("badge-danger")))
                .andExpect(content().string(containsString("achterstallig")))
                .andExpect(content().string(containsString("nog niet ondertekend")))
                .andExpect(content().string(containsString("<rect class=\"bar phase-experimentation\"")))
                .andExpect(content().string(containsString("class=\"today\"")));
    }

    @Test
    void everythingAUserTypedIsEscaped() throws Exception {
        String id = register("<script>alert(1)</script>", "anna", null, null);

        mvc.perform(get("/").param("theme", theme).with(OFFICE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
        mvc.perform(get("/deals/" + id).with(OFFICE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
        mvc.perform(get("/").param("theme", "\"><script>alert(2)</script>").with(OFFICE))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<script>alert(2)"))));
    }

    @Test
    void aDealLeadSeesOnlyTheirOwnDealsAndAnotherLeadsDealPageIsNotFound() throws Exception {
        String annas = register("Deal van Anna", "anna", null, null);
        String brams = register("Deal van Bram", "bram", null, null);

        mvc.perform(get("/").param("theme", theme).with(ANNA))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/deals/" + annas)))
                .andExpect(content().string(not(containsString("/deals/" + brams))))
                .andExpect(content().string(not(containsString("/camunda/app/cockpit/"))))
                .andExpect(content().string(containsString("/camunda/app/tasklist/")));
        mvc.perform(get("/").param("theme", theme).param("dealLead", "bram").with(ANNA))
                .andExpect(content().string(not(containsString("/deals/" + brams))));
        mvc.perform(get("/deals/" + annas).with(ANNA)).andExpect(status().isOk());
        mvc.perform(get("/deals/" + brams).with(ANNA))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Niet gevonden")))
                .andExpect(content().string(not(containsString("Deal van Bram"))));
        mvc.perform(get("/deals/" + brams + "/diagram").with(ANNA)).andExpect(status().isNotFound());
        mvc.perform(get("/deals/" + brams).with(OFFICE)).andExpect(status().isOk());
    }

    @Test
    void theThemeFilterSuggestsTheThemesOfTheDealsTheViewerSees() throws Exception {
        register("Deal van Anna", "anna", null, null);
        String bramsTheme = "alleen-bram-" + UUID.randomUUID();
        registry.register(
                new NewDeal(
                        "Deal van Bram " + bramsTheme,
                        bramsTheme,
                        "Gemeente Zwolle",
                        "bram",
                        "petra",
                        null,
                        DealSetup.ONE_PART,
                        null,
                        null,
                        (String) null,
                        List.of(),
                        null),
                "petra");

        mvc.perform(get("/").with(ANNA))
                .andExpect(content().string(containsString("<datalist id=\"themes\">")))
                .andExpect(content().string(containsString("<option value=\"" + theme + "\">")))
                .andExpect(content().string(not(containsString(bramsTheme))));
        mvc.perform(get("/").with(OFFICE))
                .andExpect(content().string(containsString("<option value=\"" + theme + "\">")))
                .andExpect(content().string(containsString("<option value=\"" + bramsTheme + "\">")));
    }

    @Test
    void aDealThatDoesNotExistIsNotFound() throws Exception {
        mvc.perform(get("/deals/no-such-deal").with(OFFICE))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Niet gevonden")));
    }

    @Test
    void filtersSelectByPhaseThemeDealLeadAndOverduePrompts() throws Exception {
        LocalDate signed = LocalDate.now().minusMonths(20);
        String running = register("Lopend", "anna", signed, signed.plusYears(3));
        String preparing = register("Voorbereidend", "bram", null, null);

        mvc.perform(get("/").param("theme", theme).param("phase", "PREPARATION").with(OFFICE))
                .andExpect(content().string(containsString("/deals/" + preparing)))
                .andExpect(content().string(not(containsString("/deals/" + running))));
        mvc.perform(get("/").param("theme", theme).param("overdue", "true").with(OFFICE))
                .andExpect(content().string(containsString("/deals/" + running)))
                .andExpect(content().string(not(containsString("/deals/" + preparing))));
        mvc.perform(get("/").param("theme", theme).param("dealLead", "bram").with(OFFICE))
                .andExpect(content().string(containsString("/deals/" + preparing)))
                .andExpect(content().string(not(containsString("/deals/" + running))));
        mvc.perform(get("/").param("theme", theme.toUpperCase()).with(OFFICE))
                .andExpect(content().string(containsString("/deals/" + preparing)))
                .andExpect(content().string(containsString("/deals/" + running)));
        mvc.perform(get("/").param("theme", "geen-deal-heeft-dit-" + theme).with(OFFICE))
                .andExpect(content().string(containsString("Geen deals gevonden")));
        mvc.perform(get("/").param("phase", "NO_SUCH_PHASE")
                        .param("sort", "nonsense")
                        .param("theme", theme)
                        .with(OFFICE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/deals/" + preparing)));
    }

    @Test
    void theOverviewSortsByNamePhaseNextPromptAndEndDate() throws Exception {
        LocalDate early = LocalDate.now().minusMonths(20);
        LocalDate late = LocalDate.now().minusMonths(2);
        String a = register("A eindigt laat", "anna", late, late.plusYears(4));
        String b = register("B eindigt vroeg", "anna", early, early.plusYears(2));
        String c = register("C in voorbereiding", "bram", null, null);

        assertOrder(get("/").param("theme", theme), a, b, c);
        assertOrder(get("/").param("theme", theme).param("sort", "endsOn"), b, a, c);
        assertOrder(get("/").param("theme", theme).param("sort", "phase"), c, a, b);
        assertOrder(get("/").param("theme", theme).param("sort", "nextPrompt"), b, a, c);
    }

    @Test
    void theOverviewShowsFiftyDealsAPageWithLinksThatKeepFiltersAndOrder() throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < Portfolio.PAGE_SIZE + 2; i++) {
            ids.add(register("Deal %03d".formatted(i), "anna", null, null));
        }

        mvc.perform(get("/").param("theme", theme).with(OFFICE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/deals/" + ids.get(0) + "\"")))
                .andExpect(content().string(containsString("/deals/" + ids.get(49) + "\"")))
                .andExpect(content().string(not(containsString("/deals/" + ids.get(50) + "\""))))
                .andExpect(content().string(containsString("Deals 1–50 van 52")))
                .andExpect(content().string(containsString("Pagina 1 van 2")))
                .andExpect(content()
                        .string(containsString("href=\"/?theme=" + theme + "&amp;sort=name&amp;page=2\" rel=\"next\"")))
                .andExpect(content().string(not(containsString("rel=\"prev\""))));
        mvc.perform(get("/").param("theme", theme)
                        .param("sort", "name")
                        .param("page", "2")
                        .with(OFFICE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/deals/" + ids.get(50) + "\"")))
                .andExpect(content().string(containsString("/deals/" + ids.get(51) + "\"")))
                .andExpect(content().string(not(containsString("/deals/" + ids.get(0) + "\""))))
                .andExpect(content().string(containsString("Deals 51–52 van 52")))
                .andExpect(
                        content().string(containsString("href=\"/?theme=" + theme + "&amp;sort=name\" rel=\"prev\"")))
                .andExpect(content().string(not(containsString("rel=\"next\""))));
        // past the last page: the last page; nonsense: the first
        mvc.perform(get("/").param("theme", theme).param("page", "99").with(OFFICE))
                .andExpect(content().string(containsString("Deals 51–52 van 52")));
        mvc.perform(get("/").param("theme", theme).param("page", "-1").with(OFFICE))
                .andExpect(content().string(containsString("Deals 1–50 van 52")));
    }

    @Test
    void theDealPageShowsReferenceTimelineReadinessParticipantsDecisionsAndProcessPosition() throws Exception {
        LocalDate signed = LocalDate.now().minusMonths(20);
        String id = register("Deal met tijdlijn", "anna", signed, signed.plusYears(3));
        List<Prompt> prompts = promptLog.forDeal(id);

        mvc.perform(get("/deals/" + id).with(OFFICE))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(containsString(">" + registry.get(id).getReference() + "</span>")))
                // the open tasks are named without the deal and its reference that Tasklist's names carry
                .andExpect(content().string(not(containsString(" — Deal met tijdlijn " + theme))))
                .andExpect(content().string(containsString("Tijdlijn")))
                .andExpect(content().string(containsString("Eigenaarschapsgesprek voeren")))
                .andExpect(content().string(containsString("Opschalingsplan opstellen")))
                .andExpect(content()
                        .string(containsString(PortfolioDates.day(prompts.get(0).getDueAt()))))
                .andExpect(content().string(containsString("achterstallig")))
                .andExpect(content().string(containsString("gepland")))
                .andExpect(content().string(containsString("Klaar voor opschaling?")))
                .andExpect(content().string(containsString("Middelen toegezegd?")))
                .andExpect(content().string(containsString("onbekend")))
                .andExpect(content().string(containsString("Eigenaarschap: bespreek gedeeld eigenaarschap vroeg")))
                .andExpect(content().string(containsString("Waterschap Test")))
                .andExpect(content().string(containsString("2 gescreend, 1 toegelaten.")))
                .andExpect(content().string(containsString("Lopende deal geïmporteerd")))
                .andExpect(content().string(containsString("Experiment uitvoeren")))
                .andExpect(content().string(containsString("data-diagram-url=\"/deals/" + id + "/diagram\"")))
                .andExpect(content().string(containsString("/camunda/app/cockpit/default/#/process-instance/")))
                .andExpect(content().string(containsString("/vendor/bpmn-js/bpmn-navigated-viewer.production.min.js")));

        mvc.perform(get("/deals/" + id + "/diagram").with(OFFICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.xml").value(containsString("<bpmn:process id=\"city-deal\"")))
                .andExpect(jsonPath("$.running").value(true))
                .andExpect(jsonPath("$.activeActivityIds").value(hasItem("UserTask_ConductExperiment")))
                .andExpect(jsonPath("$.completedActivityIds").value(hasItem("StartEvent_DealRegistered")));
    }

    @Test
    void theDealPageShowsTheRouteAdviceBesideTheDecision() throws Exception {
        LocalDate signed = LocalDate.now().minusYears(4);
        String id = register("Deal met advies", "anna", signed, signed.plusYears(3));
        String instance = runtimeService
                .createProcessInstanceQuery()
                .variableValueEquals(DEAL_ID, id)
                .singleResult()
                .getId();
        managementService.executeJob(managementService
                .createJobQuery()
                .processInstanceId(instance)
                .activityId("BoundaryEvent_TermEnded")
                .singleResult()
                .getId());
        taskService.complete(
                taskService
                        .createTaskQuery()
                        .processInstanceId(instance)
                        .taskDefinitionKey("UserTask_AssessOutcome")
                        .singleResult()
                        .getId(),
                Map.of(
                        "outcome", "NOT_ACHIEVED",
                        "ownershipSecured", false,
                        "structuralFundingFound", false,
                        "nationalRelevance", false,
                        "regulationIsBarrier", true,
                        "partiesWantToContinue", false));

        mvc.perform(get("/deals/" + id).with(OFFICE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Geadviseerde routes")))
                .andExpect(content().string(containsString("Wijziging van wet, regelgeving of financieringsmodel")))
                .andExpect(content().string(containsString("Regelgeving staat opschaling in de weg")))
                .andExpect(content().string(containsString("Kennis, tools en handboek borgen, ook wat niet werkte")))
                .andExpect(content().string(containsString("Stoppen en lessen delen")));
        assertThat(registry.get(id).getAdvisedRoutes()).hasSize(3);
    }

    @Test
    void theBarShowsCockpitToTheOfficeAndBeheerToAdministratorsWithALogoutFormCarryingItsCsrfToken() throws Exception {
        mvc.perform(get("/").with(OFFICE))
                .andExpect(content().string(containsString("href=\"/camunda/app/cockpit/\"")))
                .andExpect(content().string(not(containsString("href=\"/admin\""))))
                .andExpect(content().string(containsString("action=\"/logout\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
        mvc.perform(get("/").with(ADMIN))
                .andExpect(content().string(containsString("href=\"/admin\"")))
                .andExpect(content().string(containsString("href=\"/camunda/app/cockpit/\"")));
    }

    @Test
    void theDealPageListsItsOpenTasksAndItsHistoryNewestFirstAndIsNotAnotherLeadsToSee() throws Exception {
        LocalDate signed = LocalDate.now().minusMonths(20);
        String id = register("Deal met geschiedenis", "anna", signed, signed.plusYears(3));
        String instance = runtimeService
                .createProcessInstanceQuery()
                .variableValueEquals(DEAL_ID, id)
                .singleResult()
                .getId();
        org.camunda.bpm.engine.task.Task experiment = taskService
                .createTaskQuery()
                .processInstanceId(instance)
                .taskDefinitionKey("UserTask_ConductExperiment")
                .singleResult();
        LocalDate due = LocalDate.now().plusDays(40);
        taskService.setAssignee(experiment.getId(), "anna");
        taskService.setDueDate(
                experiment.getId(),
                java.util.Date.from(
                        due.atTime(12, 0).atZone(PromptSchedule.ZONE).toInstant()));
        Instant now = Instant.now();
        promptLog.fire(id, PromptKind.OWNERSHIP_CONVERSATION, now.minus(2, ChronoUnit.DAYS));
        promptLog.done(id, PromptKind.OWNERSHIP_CONVERSATION, "anna", now.minus(1, ChronoUnit.DAYS));
        dossier.record(new CompletedStep(
                id,
                instance,
                "taak-1",
                "UserTask_Test",
                "Teststap",
                DealPhase.EXPERIMENTATION,
                null,
                "bram",
                List.of()));

        String html = mvc.perform(get("/deals/" + id).with(ANNA))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Open taken")))
                .andExpect(content()
                        .string(containsString(
                                "href=\"/camunda/app/tasklist/default/#/?task=" + experiment.getId() + "\"")))
                .andExpect(content().string(containsString(">Experiment uitvoeren</a>")))
                .andExpect(content().string(containsString("<td>" + personNames.nameOf("anna") + "</td>")))
                .andExpect(content().string(containsString(PortfolioDates.day(due))))
                .andExpect(content().string(containsString("id=\"print-deal\"")))
                .andExpect(content().string(containsString("/js/print-deal.js")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String history = html.substring(html.indexOf("id=\"geschiedenis\""));
        int step = history.indexOf("Stap afgerond: Teststap");
        int registered = history.indexOf(">Geregistreerd<");
        int done = history.indexOf("Prompt gedaan: Eigenaarschapsgesprek voeren");
        int fired = history.indexOf("Prompt verstuurd: Eigenaarschapsgesprek voeren");
        assertThat(step).isNotNegative();
        assertThat(registered).isGreaterThan(step);
        assertThat(done).isGreaterThan(registered);
        assertThat(fired).isGreaterThan(done);

        mvc.perform(get("/deals/" + id).with(user("bram").authorities(() -> Role.DEAL_LEAD.authority())))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("Teststap"))));
    }

    @Test
    void overviewAndDealPageNamePeopleByTheirNameAndTheDossierSaysWhoByName() throws Exception {
        person("noor", "Noor", "van Dijk");
        person("joris", "Joris", "Mulder");
        LocalDate signed = LocalDate.now().minusMonths(20);
        String id = register("Deal met namen", "noor", signed, signed.plusYears(3));
        people.change(id, new DealPeople.Change(List.of("joris"), List.of(), List.of()), "noor");
        String instance = runtimeService
                .createProcessInstanceQuery()
                .variableValueEquals("dealId", id)
                .singleResult()
                .getId();
        String experiment = taskService
                .createTaskQuery()
                .processInstanceId(instance)
                .taskDefinitionKey("UserTask_ConductExperiment")
                .singleResult()
                .getId();
        taskService.setAssignee(experiment, "joris");
        dossier.record(new CompletedStep(
                id,
                instance,
                "taak-namen",
                "UserTask_Test",
                "Stap met naam",
                DealPhase.EXPERIMENTATION,
                null,
                "noor",
                List.of()));

        mvc.perform(get("/").param("theme", theme).with(OFFICE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("trekker <span>Noor van Dijk</span>")))
                .andExpect(content().string(containsString("<option value=\"noor\">Noor van Dijk</option>")))
                .andExpect(content().string(not(containsString("trekker <span>noor</span>"))));

        String html = mvc.perform(get("/deals/" + id).with(OFFICE))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html)
                .contains("<dt>Dealtrekker</dt><dd>Noor van Dijk</dd>")
                .contains("class=\"tag deputy\" title=\"joris\">Joris Mulder</span>")
                .contains("<td>Noor van Dijk</td>")
                .contains("Plaatsvervangers: Joris Mulder (joris) toegevoegd")
                .doesNotContain(">noor<")
                .doesNotContain(">joris<");
        String openTasks = html.substring(html.indexOf("id=\"open-taken\""), html.indexOf("id=\"deelnemers\""));
        assertThat(openTasks).contains("<td>Joris Mulder</td>");
        String dossierPart = html.substring(html.indexOf("id=\"dossier\""), html.indexOf("id=\"geschiedenis\""));
        assertThat(dossierPart).contains("door <span>Noor van Dijk</span>").doesNotContain("door <span>noor</span>");
        String history = html.substring(html.indexOf("id=\"geschiedenis\""));
        assertThat(history).contains("<td>Noor van Dijk</td>");

        mvc.perform(get("/").with(user("noor").authorities(() -> Role.DEAL_LEAD.authority())))
                .andExpect(content().string(containsString("<span class=\"user\">Noor van Dijk</span>")));
    }

    @Test
    void aPersonWithoutANameIsShownByTheirUserId() throws Exception {
        person("kees", null, null);
        String id = register("Deal zonder naam", "kees", null, null);

        mvc.perform(get("/").param("theme", theme).with(OFFICE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("trekker <span>kees</span>")));
        mvc.perform(get("/deals/" + id).with(OFFICE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<dt>Dealtrekker</dt><dd>kees</dd>")));
        assertThat(personNames.namesOf(List.of("kees", "niemand-bekend")).ofAll(List.of("kees", "niemand-bekend")))
                .containsExactly("kees", "niemand-bekend");
    }

    /** A deal lead with this name (none when null), whatever an earlier test left. */
    private void person(String id, String first, String last) {
        org.camunda.bpm.engine.identity.User user =
                identityService.createUserQuery().userId(id).singleResult();
        if (user == null) {
            user = identityService.newUser(id);
        }
        user.setFirstName(first);
        user.setLastName(last);
        identityService.saveUser(user);
        if (identityService
                        .createUserQuery()
                        .userId(id)
                        .memberOfGroup(Role.DEAL_LEAD.groupId())
                        .count()
                == 0) {
            identityService.createMembership(id, Role.DEAL_LEAD.groupId());
        }
    }

    private void assertOrder(MockHttpServletRequestBuilder request, String... ids) throws Exception {
        String html = mvc.perform(request.with(OFFICE))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        int previous = -1;
        for (String id : ids) {
            int at = html.indexOf("href=\"/deals/" + id + "\"");
            assertThat(at).as("deal %s after the previous one", id).isGreaterThan(previous);
            previous = at;
        }
    }

    private String register(String name, String lead, LocalDate signedOn, LocalDate endsOn) {
        List<NewDeal.NewParticipant> participants = List.of(
                new NewDeal.NewParticipant("Waterschap Test", ParticipantType.WATER_BOARD, "Kennis van water", true),
                new NewDeal.NewParticipant("Adviesbureau Test", ParticipantType.COMPANY, "Geen eigen inbreng", false));
        return registry.register(
                        new NewDeal(
                                name.startsWith("<") ? name : name + " " + theme,
                                theme,
                                "Gemeente Zwolle",
                                lead,
                                "petra",
                                "Een ambitie",
                                DealSetup.ONE_PART,
                                signedOn,
                                endsOn,
                                signedOn == null ? null : "Stcrt. " + signedOn.getYear() + ", 1",
                                participants,
                                null),
                        "petra")
                .getId();
    }
}
