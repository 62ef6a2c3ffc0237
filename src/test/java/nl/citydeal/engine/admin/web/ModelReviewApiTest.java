package nl.citydeal.engine.admin.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.admin.AdminTestSupport;
import nl.citydeal.engine.admin.AuditAction;
import nl.citydeal.engine.admin.AuditEntry;
import nl.citydeal.engine.admin.AuditEntryRepository;
import nl.citydeal.engine.deal.DealDecision;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.identity.Role;
import nl.citydeal.engine.prompt.Prompt;
import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.PromptStatus;
import nl.citydeal.engine.prompt.Prompts;

import static nl.citydeal.engine.admin.AdminTestSupport.*;
import static nl.citydeal.engine.processengine.CityDealProcess.Activity.*;
import static nl.citydeal.engine.processengine.CityDealProcess.Variable.DEAL_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code POST /api/admin/models/review}: what an upload would do, nothing stored; and a deployed prompt schedule
 * moving the running deals' prompts exactly as the review said (the acceptance of issue 22: the ownership
 * conversation from a quarter to a fifth of the term).
 */
@CityDealSpringTest
@AutoConfigureMockMvc
@Import(AdminTestSupport.class)
class ModelReviewApiTest {

    /** 1095 days: the conversation at a quarter on 29 November 2024, at a fifth on 6 October 2024. */
    static final String THREE_YEARS_FROM = "2024-03-01";

    static final String THREE_YEARS_TO = "2027-03-01";

    /** 731 days: at a quarter on 1 March 2024 (after now), at a fifth on 25 January 2024 (before now). */
    static final String TWO_YEARS_FROM = "2023-09-01";

    static final String TWO_YEARS_TO = "2025-09-01";

    @Autowired
    MockMvc mvc;

    @Autowired
    AdminTestSupport support;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    AuditEntryRepository auditLog;

    @Autowired
    Prompts prompts;

    @Autowired
    DealRegistry registry;

    @Autowired
    ObjectMapper json;

    final List<Long> auditEntries = new ArrayList<>();

    @BeforeEach
    void setUp() {
        support.setUp();
        auditLog.findAll().forEach(entry -> auditEntries.add(entry.getId()));
    }

    @AfterEach
    void tearDown() {
        support.tearDown();
        auditLog.findAll().stream()
                .filter(entry -> !auditEntries.contains(entry.getId()))
                .forEach(auditLog::delete);
    }

    // --- the review

    @Test
    void reviewOfAChangedPromptScheduleShowsTheRuleChangeAndWhichPromptsMoveAndStoresNothing() throws Exception {
        ProcessInstance threeYears = support.signed(THREE_YEARS_FROM, THREE_YEARS_TO);
        ProcessInstance twoYears = support.signed(TWO_YEARS_FROM, TWO_YEARS_TO);
        long deployments = repositoryService.createDeploymentQuery().count();
        long audited = auditLog.count();
        Map<PromptKind, Instant> before = openPrompts(threeYears);

        review(file("prompt-schedule.dmn", promptScheduleWithOwnershipAt("0.20")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deployable").value(true))
                .andExpect(jsonPath("$.errors").isEmpty())
                .andExpect(jsonPath("$.files[0].fileName").value("prompt-schedule.dmn"))
                .andExpect(jsonPath("$.files[0].kind").value("dmn"))
                .andExpect(jsonPath("$.files[0].status").value("CHANGED"))
                .andExpect(jsonPath("$.files[0].changes[?(@.elementId == 'Rule_OwnershipConversation')].details[0]")
                        .value("Deel van de looptijd: '0.25' → '0.20'"))
                .andExpect(jsonPath("$.promptSchedule.overdueAtOnce").value(1))
                .andExpect(jsonPath("$.promptSchedule.deals.length()").value(2))
                .andExpect(jsonPath("$.promptSchedule.deals.length()").value(2))
                .andExpect(move(threeYears, "prompt").value("OWNERSHIP_CONVERSATION"))
                .andExpect(move(threeYears, "label").value("Eigenaarschapsgesprek voeren"))
                .andExpect(move(threeYears, "from").value("2024-11-29T09:00:00+01:00"))
                .andExpect(move(threeYears, "to").value("2024-10-06T09:00:00+02:00"))
                .andExpect(move(threeYears, "overdueAtOnce").value(false))
                .andExpect(move(twoYears, "from").value("2024-03-01T09:00:00+01:00"))
                .andExpect(move(twoYears, "to").value("2024-01-25T09:00:00+01:00"))
                .andExpect(move(twoYears, "overdueAtOnce").value(true))
                .andExpect(jsonPath("$.promptSchedule.deals[0].moves.length()").value(1))
                .andExpect(jsonPath("$.promptSchedule.deals[1].moves.length()").value(1));

        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(auditLog.count()).isEqualTo(audited);
        assertThat(openPrompts(threeYears)).isEqualTo(before);
    }

    @Test
    void reviewOfARenamedTaskShowsTheDiffAndNoPromptSchedule() throws Exception {
        String renamed = changed(
                "processes/city-deal.bpmn",
                "name=\"Eigenaarschapsgesprek voeren\" camunda:formRef",
                "name=\"Gesprek over eigenaarschap\" camunda:formRef");

        review(file("city-deal.bpmn", renamed), file("close-deal.form", model("forms/close-deal.form")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deployable").value(true))
                .andExpect(jsonPath("$.files[0].kind").value("bpmn"))
                .andExpect(jsonPath("$.files[0].status").value("CHANGED"))
                .andExpect(jsonPath("$.files[0].changes[0].change").value("CHANGED"))
                .andExpect(jsonPath("$.files[0].changes[0].elementId").value("UserTask_HoldOwnershipConversation"))
                .andExpect(jsonPath("$.files[0].changes[0].elementType").value("Gebruikerstaak"))
                .andExpect(jsonPath("$.files[0].changes[0].name").value("Gesprek over eigenaarschap"))
                .andExpect(jsonPath("$.files[0].changes[0].details[0]")
                        .value("Naam: 'Eigenaarschapsgesprek voeren' → 'Gesprek over eigenaarschap'"))
                .andExpect(jsonPath("$.files[1].status").value("UNCHANGED"))
                .andExpect(jsonPath("$.promptSchedule").doesNotExist());
    }

    @Test
    void reviewOfANewFileCallsItNew() throws Exception {
        review(file("extra-check.form", "{\"id\":\"extra-check\",\"type\":\"default\",\"components\":[]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.files[0].status").value("NEW"))
                .andExpect(jsonPath("$.files[0].kind").value("form"));
    }

    @Test
    void reviewOfAnUploadTheValidationRefusesIsNotDeployableWithTheUploadsMessages() throws Exception {
        String withoutTimeToLive = changed("processes/city-deal.bpmn", " camunda:historyTimeToLive=\"3650\"", "");
        review(file("city-deal.bpmn", withoutTimeToLive))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deployable").value(false))
                .andExpect(jsonPath("$.errors['city-deal.bpmn']", containsString("historyTimeToLive")))
                .andExpect(jsonPath("$.files[0].changes[0].details[0]")
                        .value("Bewaartermijn historie (dagen): '3650' → (geen)"));
    }

    @Test
    void reviewOfUnreadableXmlNoFilesOrAnotherKindIsAProblemInDutch() throws Exception {
        review(file("city-deal.bpmn", "<bpmn:definitions"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors['city-deal.bpmn']", containsString("Geen geldig BPMN-bestand")));
        review(file("notes.txt", "hallo"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors['notes.txt']", containsString(".bpmn")));
        mvc.perform(multipart("/api/admin/models/review").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.files", containsString("Kies minstens een bestand")));
    }

    @Test
    void onlyAdministratorsMayReview() throws Exception {
        MockMultipartFile schedule = file("prompt-schedule.dmn", promptScheduleWithOwnershipAt("0.20"));
        mvc.perform(multipart("/api/admin/models/review")
                        .file(schedule)
                        .with(httpBasic(PROGRAMME_OFFICE, PROGRAMME_OFFICE_PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/admin/models/review").file(schedule).with(httpBasic(DEAL_LEAD, DEAL_LEAD_PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/admin/models/review")
                        .file(schedule)
                        .with(user(PROGRAMME_OFFICE).authorities(() -> Role.PROGRAMME_OFFICE.authority()))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void editorPagesReviewWithTheirSessionAndTheCsrfTokenInAHeader() throws Exception {
        MockMultipartFile schedule = file("prompt-schedule.dmn", promptScheduleWithOwnershipAt("0.20"));
        RequestPostProcessor admin = user(ADMIN).authorities(() -> Role.ADMINISTRATOR.authority());
        mvc.perform(multipart("/admin/models/review").file(schedule).with(admin))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/admin/models/review").file(schedule).with(admin).with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deployable").value(true))
                .andExpect(jsonPath("$.files[0].status").value("CHANGED"));
    }

    // --- deploying it: the acceptance

    @Test
    void deployedPromptScheduleMovesTheRunningDealsPromptsExactlyAsTheReviewSaid() throws Exception {
        ProcessInstance threeYears = support.signed(THREE_YEARS_FROM, THREE_YEARS_TO);
        ProcessInstance twoYears = support.signed(TWO_YEARS_FROM, TWO_YEARS_TO);
        MockMultipartFile schedule = file("prompt-schedule.dmn", promptScheduleWithOwnershipAt("0.20"));
        JsonNode preview = json.readTree(review(schedule)
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .get("promptSchedule");
        Map<String, Map<PromptKind, Instant>> before =
                Map.of(dealId(threeYears), openPrompts(threeYears), dealId(twoYears), openPrompts(twoYears));

        mvc.perform(multipart("/api/admin/deployments").file(schedule).with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isCreated());

        // every move the review listed happened, and nothing else moved
        for (ProcessInstance deal : List.of(threeYears, twoYears)) {
            Map<PromptKind, Instant> expected = new TreeMap<>(before.get(dealId(deal)));
            for (JsonNode dealMoves : preview.get("deals")) {
                if (dealMoves.get("dealId").asText().equals(dealId(deal))) {
                    dealMoves
                            .get("moves")
                            .forEach(move -> expected.put(
                                    PromptKind.valueOf(move.get("prompt").asText()),
                                    OffsetDateTime.parse(move.get("to").asText())
                                            .toInstant()));
                }
            }
            assertThat(new TreeMap<>(openPrompts(deal))).isEqualTo(expected);
        }
        Instant ownership = OffsetDateTime.parse("2024-10-06T09:00+02:00").toInstant();
        assertThat(openPrompts(threeYears)).containsEntry(PromptKind.OWNERSHIP_CONVERSATION, ownership);
        // the engine waits for the new dates too: the timer, the task's due date and the deal's next prompt
        assertThat(support.timer(threeYears, OWNERSHIP_PROMPT_DUE).getDuedate().toInstant())
                .isEqualTo(ownership);
        assertThat(support.task(threeYears, HOLD_OWNERSHIP_CONVERSATION)
                        .getDueDate()
                        .toInstant())
                .isEqualTo(ownership);
        // the two-year deal's next prompt is its moved conversation (before its answerability review on 1 March)
        assertThat(registry.get(dealId(twoYears)).getNextPromptDueAt())
                .isEqualTo(OffsetDateTime.parse("2024-01-25T09:00+01:00").toInstant());

        // each deal records the move; the audit has who, what and the diff
        assertThat(registry.decisions(dealId(twoYears)))
                .filteredOn(decision -> decision.getKind() == DealDecision.Kind.PROMPTS_RESCHEDULED)
                .singleElement()
                .satisfies(decision -> {
                    assertThat(decision.getDecidedBy()).isEqualTo(ADMIN);
                    assertThat(decision.getSummary())
                            .contains(
                                    "prompt-schedule v2 (1.1.0)",
                                    "Eigenaarschapsgesprek voeren van 1 maart 2024 naar 25 januari 2024 (meteen te laat)");
                });
        AuditEntry entry = auditLog.findTop100ByOrderByOccurredAtDescIdDesc().get(0);
        assertThat(entry.getAction()).isEqualTo(AuditAction.DEPLOY);
        assertThat(entry.getActor()).isEqualTo(ADMIN);
        assertThat(entry.getDetails())
                .contains(
                        "Rule_OwnershipConversation",
                        "Deel van de looptijd: '0.25' → '0.20'",
                        "Herinneringen verschoven: 2 bij 2 lopende deals, waarvan 1 meteen te laat.");

        // the deal page shows the moved date
        mvc.perform(get("/deals/{id}", dealId(threeYears))
                        .with(user(PROGRAMME_OFFICE).authorities(() -> Role.PROGRAMME_OFFICE.authority())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<time datetime=\"2024-10-06\">6 okt. 2024</time>")));
    }

    @Test
    void promptWhoseNewDateHasPassedFallsDueOnceAtOnce() throws Exception {
        ProcessInstance twoYears = support.signed(TWO_YEARS_FROM, TWO_YEARS_TO);

        mvc.perform(multipart("/api/admin/deployments")
                        .file(file("prompt-schedule.dmn", promptScheduleWithOwnershipAt("0.20")))
                        .with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isCreated());

        var timer = support.timer(twoYears, OWNERSHIP_PROMPT_DUE);
        assertThat(timer.getDuedate()).isBefore(NOW);
        managementService.executeJob(timer.getId());

        assertThat(support.timer(twoYears, OWNERSHIP_PROMPT_DUE)).isNull();
        assertThat(prompts.forDeal(dealId(twoYears)))
                .filteredOn(prompt -> prompt.getKind() == PromptKind.OWNERSHIP_CONVERSATION)
                .singleElement()
                .satisfies(prompt -> {
                    assertThat(prompt.getStatus()).isEqualTo(PromptStatus.DUE);
                    assertThat(prompt.getDueAt())
                            .isEqualTo(OffsetDateTime.parse("2024-01-25T09:00+01:00")
                                    .toInstant());
                });
    }

    // --- helpers

    private Map<PromptKind, Instant> openPrompts(ProcessInstance deal) {
        Map<PromptKind, Instant> open = new TreeMap<>();
        for (Prompt prompt : prompts.forDeal(dealId(deal))) {
            if (prompt.isOpen()) {
                open.put(prompt.getKind(), prompt.getDueAt());
            }
        }
        return open;
    }

    /** A field of the deal's one move in the review's preview. */
    private org.springframework.test.web.servlet.result.JsonPathResultMatchers move(
            ProcessInstance deal, String field) {
        return jsonPath("$.promptSchedule.deals[?(@.dealId == '%s')].moves[0].%s".formatted(dealId(deal), field));
    }

    private String dealId(ProcessInstance deal) {
        return (String) runtimeService.getVariable(deal.getId(), DEAL_ID);
    }

    private ResultActions review(MockMultipartFile... files) throws Exception {
        var request = multipart("/api/admin/models/review");
        for (MockMultipartFile file : files) {
            request.file(file);
        }
        return mvc.perform(request.with(httpBasic(ADMIN, ADMIN_PASSWORD)));
    }

    private static MockMultipartFile file(String name, String content) {
        return new MockMultipartFile(
                "files", name, MediaType.APPLICATION_OCTET_STREAM_VALUE, content.getBytes(StandardCharsets.UTF_8));
    }
}
