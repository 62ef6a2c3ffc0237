package nl.citydeal.engine.deal;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.identity.Role;
import nl.citydeal.engine.processengine.DealInstances;

import static nl.citydeal.engine.processengine.CityDealProcess.Activity.*;
import static nl.citydeal.engine.processengine.CityDealProcess.Variable.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a deal means to scale (issue #17 point 6) and its publication in the Staatscourant as year and number (point
 * 5): recorded at registration, sharpened by the scaling exploration, filtered on in the overview, carried by the CSV
 * export and import; a publication checked with a Dutch message and linked on the deal page, an old free text read
 * once and kept when it does not read as one. Every test registers deals of a theme of its own.
 */
@CityDealSpringTest
@AutoConfigureMockMvc
class ScalingIntentAndStaatscourantTest {

    static final UserRequestPostProcessor OFFICE = user("petra").authorities(() -> Role.PROGRAMME_OFFICE.authority());

    @Autowired
    MockMvc mvc;

    @Autowired
    DealRegistry registry;

    @Autowired
    IdentityService identityService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    HistoryService historyService;

    @Autowired
    TaskService taskService;

    @BeforeEach
    void dealLead() {
        if (identityService.createUserQuery().userId("anna").count() == 0) {
            identityService.saveUser(identityService.newUser("anna"));
            identityService.createMembership("anna", Role.DEAL_LEAD.groupId());
        }
    }

    @Test
    void theIntentIsRecordedAtRegistrationAndSharpenedByTheScalingExploration() {
        LocalDate signed = LocalDate.now().minusMonths(2);
        Deal deal = registry.register(
                newDeal("intent-exploration", signed, Set.of(ScalingIntent.PRACTICE, ScalingIntent.KNOWLEDGE)),
                "petra");
        assertThat(registry.get(deal.getId()).getScalingIntents())
                .containsExactly(ScalingIntent.PRACTICE, ScalingIntent.KNOWLEDGE);

        Task exploration = task(deal.getId(), EXPLORE_SCALING);
        assertThat(taskService.getVariables(exploration.getId()))
                .as("the exploration's boxes open ticked as the registry holds it")
                .containsEntry(SCALES_PRACTICE, true)
                .containsEntry(SCALES_KNOWLEDGE, true)
                .containsEntry(SCALES_INSTRUMENT, false)
                .containsEntry(SCALES_REGULATION_CHANGE, false);
        taskService.complete(
                exploration.getId(),
                Map.of(
                        "scalingExplorationNotes",
                        "Verkend met het ministerie",
                        SCALES_PRACTICE,
                        false,
                        SCALES_KNOWLEDGE,
                        true,
                        SCALES_REGULATION_CHANGE,
                        true));

        assertThat(registry.get(deal.getId()).getScalingIntents())
                .containsExactly(ScalingIntent.KNOWLEDGE, ScalingIntent.REGULATION_CHANGE);
        assertThat(registry.decisions(deal.getId()))
                .filteredOn(d -> d.getKind() == DealDecision.Kind.SCALING_INTENT_CHANGED)
                .singleElement()
                .extracting(DealDecision::getSummary)
                .isEqualTo("Wat moet opschalen: werkwijze, kennis → kennis, wijziging van regelgeving");
    }

    @Test
    void anExplorationWithNoBoxTickedLeavesTheIntentAsItWas() {
        Deal deal = registry.register(
                newDeal("intent-untouched", LocalDate.now().minusMonths(2), Set.of(ScalingIntent.INSTRUMENT)), "petra");

        taskService.complete(
                task(deal.getId(), EXPLORE_SCALING).getId(),
                Map.of("scalingExplorationNotes", "Nog niets nieuws", SCALES_INSTRUMENT, false));

        assertThat(registry.get(deal.getId()).getScalingIntents()).containsExactly(ScalingIntent.INSTRUMENT);
        assertThat(registry.decisions(deal.getId()))
                .extracting(DealDecision::getKind)
                .doesNotContain(DealDecision.Kind.SCALING_INTENT_CHANGED);
    }

    @Test
    void theStartFormsTicksAreTheRegisteredIntent() {
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(
                "city-deal",
                Map.of(
                        DEAL_NAME, "City Deal Startformulier",
                        THEME, "intent-start-form",
                        LEAD_ORGANISATION, "Gemeente Zwolle",
                        DEAL_LEAD, "anna",
                        AMBITION, "Samen leren",
                        SCALES_INSTRUMENT, true,
                        SCALES_REGULATION_CHANGE, true));

        assertThat(registry.get(dealIdOf(instance)).getScalingIntents())
                .containsExactly(ScalingIntent.INSTRUMENT, ScalingIntent.REGULATION_CHANGE);
    }

    @Test
    void theOverviewAndTheDealListFilterOnWhatIsMeantToScale() throws Exception {
        String theme = "intent-filter";
        Deal knowledge = registry.register(newDeal(theme, null, Set.of(ScalingIntent.KNOWLEDGE)), "petra");
        Deal both = registry.register(
                newDeal(theme, null, Set.of(ScalingIntent.KNOWLEDGE, ScalingIntent.PRACTICE)), "petra");
        Deal practice = registry.register(newDeal(theme, null, Set.of(ScalingIntent.PRACTICE)), "petra");
        Deal none = registry.register(newDeal(theme, null, Set.of()), "petra");

        mvc.perform(get("/api/deals")
                        .param("theme", theme)
                        .param("scalingIntent", "KNOWLEDGE")
                        .with(OFFICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(2))
                .andExpect(jsonPath("$.content[*].id", hasItem(knowledge.getId())))
                .andExpect(jsonPath("$.content[*].id", hasItem(both.getId())))
                .andExpect(jsonPath("$.content[*].id", not(hasItem(practice.getId()))))
                .andExpect(jsonPath("$.content[*].id", not(hasItem(none.getId()))));
        mvc.perform(get("/").param("theme", theme)
                        .param("scalingIntent", "PRACTICE")
                        .with(OFFICE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/deals/" + practice.getId())))
                .andExpect(content().string(containsString("/deals/" + both.getId())))
                .andExpect(content().string(not(containsString("/deals/" + knowledge.getId()))))
                .andExpect(content().string(not(containsString("/deals/" + none.getId()))))
                .andExpect(
                        content().string(containsString("<option value=\"PRACTICE\" selected=\"selected\">Werkwijze")));
        mvc.perform(get("/deals/" + both.getId()).with(OFFICE))
                .andExpect(content().string(containsString("Wat moet opschalen")))
                .andExpect(content().string(containsString(">Werkwijze</span>")))
                .andExpect(content().string(containsString(">Kennis</span>")));
    }

    @Test
    void theCsvExportCarriesIntentAndPublicationAndTheImportReadsThemBack() throws Exception {
        String theme = "intent-csv-round-trip";
        LocalDate signed = LocalDate.now().minusMonths(3);
        Deal original = registry.register(
                new NewDeal(
                        "Rondje CSV",
                        theme,
                        "Gemeente Deventer",
                        "anna",
                        null,
                        null,
                        DealSetup.ONE_PART,
                        signed,
                        signed.plusYears(3),
                        new StaatscourantReference(2024, 12345, null),
                        Set.of(ScalingIntent.INSTRUMENT, ScalingIntent.REGULATION_CHANGE),
                        List.of(),
                        null),
                "petra");

        String csv = mvc.perform(get("/api/portfolio.csv").with(OFFICE))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        CSVRecord row = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))
                .getRecords()
                .stream()
                .filter(record -> record.get("theme").equals(theme))
                .findFirst()
                .orElseThrow();
        assertThat(row.get("reference")).isEqualTo(original.getReference());
        assertThat(row.get("scaling_intent")).isEqualTo("INSTRUMENT REGULATION_CHANGE");
        assertThat(row.get("staatscourant")).isEqualTo("Staatscourant 2024, 12345");

        String header = csv.lines().findFirst().orElseThrow();
        String line = csv.lines().filter(l -> l.contains(theme)).findFirst().orElseThrow();
        String imported = mvc.perform(post("/api/deals/import")
                        .with(OFFICE)
                        .contentType("text/csv")
                        .content(header + "\n" + line + "\n"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines[0].status").value("IMPORTED"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        Deal copy = registry.get(JsonPath.read(imported, "$.lines[0].dealId"));
        assertThat(copy.getId()).isNotEqualTo(original.getId());
        // the copy is a deal of its own, with a reference of its own
        assertThat(copy.getReference()).isNotEqualTo(original.getReference()).startsWith("CD-");
        assertThat((String) JsonPath.read(imported, "$.lines[0].reference")).isEqualTo(copy.getReference());
        assertThat(copy.getScalingIntents()).isEqualTo(original.getScalingIntents());
        assertThat(copy.getStaatscourant()).isEqualTo(new StaatscourantReference(2024, 12345, null));
    }

    @Test
    void theImportReadsDutchLabelsAndOldTextAndRefusesAnUnknownIntent() throws Exception {
        String theme = "intent-csv-labels";
        String csv = """
                name,theme,signed_on,ends_on,lead,deal_lead,scaling_intent,staatscourant
                Labels,%1$s,%2$s,%3$s,Utrecht,anna,"kennis; wijziging van regelgeving",Stcrt. 2021 nr. 4567
                Oude tekst,%1$s,%2$s,%3$s,Utrecht,anna,werkwijze,Staatscourant van 3 maart
                Onbekend,%1$s,,,Utrecht,anna,"kennis, subsidie",
                """.formatted(
                        theme, LocalDate.now().minusMonths(1), LocalDate.now().plusYears(2));

        String report = mvc.perform(post("/api/deals/import")
                        .with(OFFICE)
                        .contentType("text/csv")
                        .content(csv))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines[2].status").value("REFUSED"))
                .andExpect(jsonPath("$.lines[2].reasons.scaling_intent").value(containsString("'subsidie'")))
                .andReturn()
                .getResponse()
                .getContentAsString();

        Deal labels = registry.get(JsonPath.read(report, "$.lines[0].dealId"));
        assertThat(labels.getScalingIntents())
                .containsExactly(ScalingIntent.KNOWLEDGE, ScalingIntent.REGULATION_CHANGE);
        assertThat(labels.getStaatscourant().url())
                .isEqualTo("https://zoek.officielebekendmakingen.nl/stcrt-2021-4567.html");
        Deal oldText = registry.get(JsonPath.read(report, "$.lines[1].dealId"));
        assertThat(oldText.getStaatscourant().linked()).isFalse();
        assertThat(oldText.getStaatscourant().label()).isEqualTo("Staatscourant van 3 maart");
    }

    @Test
    void aSigningWithAYearOutOfRangeIsRefusedInDutchAndChangesNothing() {
        Deal deal = registry.register(newDeal("stcrt-refused", null, Set.of()), "petra");
        String instance = instance(deal.getId());
        completePreparation(instance);
        Task signing = task(deal.getId(), RECORD_SIGNING);
        int nextYear = LocalDate.now().getYear() + 1;

        Map<String, Object> tooEarly = signing(1989, 12);
        assertThatThrownBy(() -> taskService.complete(signing.getId(), tooEarly))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Het jaar van de Staatscourant moet tussen 1990 en %d liggen; 1989 kan niet."
                        .formatted(nextYear));
        Map<String, Object> tooLate = signing(nextYear + 1, 12);
        assertThatThrownBy(() -> taskService.complete(signing.getId(), tooLate))
                .hasMessageContaining("1990 en %d".formatted(nextYear));
        Map<String, Object> noNumber = signing(2024, 0);
        assertThatThrownBy(() -> taskService.complete(signing.getId(), noNumber))
                .hasMessageContaining("Het nummer in de Staatscourant moet groter dan 0 zijn");
        Map<String, Object> text = signing(2024, 12);
        text.put(STAATSCOURANT_NUMBER, "twaalf");
        assertThatThrownBy(() -> taskService.complete(signing.getId(), text))
                .hasMessageContaining(
                        "Het nummer in de Staatscourant moet een geheel getal zijn; 'twaalf' is dat niet.");

        assertThat(taskService.createTaskQuery().taskId(signing.getId()).count())
                .as("the signing task stays open")
                .isEqualTo(1);
        Deal unchanged = registry.get(deal.getId());
        assertThat(unchanged.getSignedOn()).isNull();
        assertThat(unchanged.getStaatscourant()).isNull();
        assertThat(registry.decisions(deal.getId()))
                .extracting(DealDecision::getKind)
                .doesNotContain(DealDecision.Kind.SIGNED);
    }

    @Test
    void aSignedPublicationIsLinkedOnTheDealPageAndAnExtensionsIsKeptWithItsDecision() throws Exception {
        Deal deal = registry.register(newDeal("stcrt-linked", null, Set.of()), "petra");
        String instance = instance(deal.getId());
        completePreparation(instance);

        taskService.complete(task(deal.getId(), RECORD_SIGNING).getId(), signing(2024, 12345));

        assertThat(registry.get(deal.getId()).getStaatscourant())
                .isEqualTo(new StaatscourantReference(2024, 12345, null));
        mvc.perform(get("/deals/" + deal.getId()).with(OFFICE))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString(
                                "href=\"https://zoek.officielebekendmakingen.nl/stcrt-2024-12345.html\"")))
                .andExpect(content().string(containsString(">Staatscourant 2024, 12345</a>")));

        taskService.complete(task(deal.getId(), CONDUCT_EXPERIMENT).getId(), Map.of(EXPERIMENT_ACTION, "CHANGE_TERM"));
        Task change = task(deal.getId(), CHANGE_TERM);
        Map<String, Object> halfAPublication = Map.of(
                NEW_ENDS_ON,
                LocalDate.now().plusYears(3).toString(),
                TERM_CHANGE_REASON,
                "Verlengd",
                EXTENSION_STAATSCOURANT_YEAR,
                2025);
        assertThatThrownBy(() -> taskService.complete(change.getId(), halfAPublication))
                .hasMessageContaining("Geef ook het nummer in de Staatscourant.");
        taskService.complete(
                change.getId(),
                Map.of(
                        NEW_ENDS_ON,
                        LocalDate.now().plusYears(3).toString(),
                        TERM_CHANGE_REASON,
                        "Verlengd",
                        EXTENSION_STAATSCOURANT_YEAR,
                        2025L,
                        EXTENSION_STAATSCOURANT_NUMBER,
                        555.0));

        DealDecision extension = registry.decisions(deal.getId()).stream()
                .filter(d -> d.getKind() == DealDecision.Kind.TERM_CHANGED)
                .findFirst()
                .orElseThrow();
        assertThat(extension.getStaatscourant()).isEqualTo(new StaatscourantReference(2025, 555, null));
        mvc.perform(get("/deals/" + deal.getId()).with(OFFICE))
                .andExpect(content()
                        .string(containsString(
                                "href=\"https://zoek.officielebekendmakingen.nl/stcrt-2025-555.html\"")));
        mvc.perform(get("/api/deals/" + deal.getId()).with(OFFICE))
                .andExpect(jsonPath("$.staatscourant.url")
                        .value("https://zoek.officielebekendmakingen.nl/stcrt-2024-12345.html"))
                .andExpect(jsonPath("$.decisions[?(@.kind == 'TERM_CHANGED')].staatscourant.label")
                        .value(hasItem("Staatscourant 2025, 555")));
    }

    @Test
    void aFreeTextReferenceIsReadOnceAndKeptAsTextWhenItDoesNotReadAsOne() throws Exception {
        assertThat(StaatscourantReference.parse("Staatscourant 2024, 12345"))
                .isEqualTo(new StaatscourantReference(2024, 12345, null));
        assertThat(StaatscourantReference.parse("Stcrt. 2016, 14112"))
                .isEqualTo(new StaatscourantReference(2016, 14112, null));
        assertThat(StaatscourantReference.parse("stcrt-2019-987.html"))
                .isEqualTo(new StaatscourantReference(2019, 987, null));
        assertThat(StaatscourantReference.parse("Stcrt. 2020, demo"))
                .isEqualTo(new StaatscourantReference(null, null, "Stcrt. 2020, demo"));
        assertThat(StaatscourantReference.parse("  ")).isNull();

        Deal legacy = registry.register(
                new NewDeal(
                        "Oude vindplaats",
                        "stcrt-legacy",
                        "Gemeente",
                        "anna",
                        null,
                        null,
                        DealSetup.ONE_PART,
                        LocalDate.now().minusMonths(1),
                        LocalDate.now().plusYears(2),
                        "Stcrt. 2020, demo",
                        List.of(),
                        null),
                "petra");
        mvc.perform(get("/deals/" + legacy.getId()).with(OFFICE))
                .andExpect(content().string(containsString("<span>Stcrt. 2020, demo</span>")))
                .andExpect(content().string(not(containsString("stcrt-2020"))));
    }

    private NewDeal newDeal(String theme, LocalDate signedOn, Set<ScalingIntent> intents) {
        return new NewDeal(
                "City Deal " + theme,
                theme,
                "Gemeente Zwolle",
                "anna",
                "petra",
                "Samen leren",
                DealSetup.ONE_PART,
                signedOn,
                signedOn == null ? null : signedOn.plusYears(3),
                null,
                intents,
                List.of(),
                null);
    }

    private static Map<String, Object> signing(Object year, Object number) {
        Map<String, Object> answers = new java.util.HashMap<>();
        answers.put(SIGNED_ON, LocalDate.now().minusDays(1).toString());
        answers.put(ENDS_ON, LocalDate.now().plusYears(2).toString());
        answers.put(STAATSCOURANT_YEAR, year);
        answers.put(STAATSCOURANT_NUMBER, number);
        return answers;
    }

    /** Takes a registered deal through preparation to its signing, as the application would. */
    private void completePreparation(String instance) {
        List<Map<String, Object>> steps = List.of(
                Map.of(
                        PARTICIPANT_NAME, "Gemeente Zwolle",
                        PARTICIPANT_TYPE, "MUNICIPALITY",
                        PARTICIPANT_ADDED_VALUE, "Pilotlocaties",
                        PARTICIPANT_ACCEPTED, true,
                        MORE_PARTICIPANTS, false),
                Map.of(RESOURCES_COMMITTED, true, RESOURCES_DESCRIPTION, "0,5 fte", EXECUTION_FUNDING_VIEW, "Rijk"),
                Map.of(SETUP, "ONE_PART"),
                Map.of(REVIEW_DECISION, "APPROVE"));
        for (Map<String, Object> step : steps) {
            taskService.complete(
                    taskService
                            .createTaskQuery()
                            .processInstanceId(instance)
                            .singleResult()
                            .getId(),
                    step);
        }
    }

    private String instance(String dealId) {
        return runtimeService
                .createProcessInstanceQuery()
                .variableValueEquals(DEAL_ID, dealId)
                .singleResult()
                .getId();
    }

    private Task task(String dealId, String activityId) {
        return taskService
                .createTaskQuery()
                .processVariableValueEquals(DEAL_ID, dealId)
                .taskDefinitionKey(activityId)
                .singleResult();
    }

    /** The id of the instance's deal (its variable dealId; the business key is the deal's reference). */
    private String dealIdOf(ProcessInstance instance) {
        return DealInstances.dealIdOf(historyService, instance.getId()).orElseThrow();
    }
}
