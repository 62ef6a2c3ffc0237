package nl.citydeal.engine.dossier.engine;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import nl.citydeal.engine.AlsoOnPostgres;
import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.deal.DealPhase;
import nl.citydeal.engine.dossier.Dossier;
import nl.citydeal.engine.dossier.DossierEntry;
import nl.citydeal.engine.dossier.DossierEntryRepository;
import nl.citydeal.engine.dossier.DossierField;
import nl.citydeal.engine.identity.Role;
import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.processengine.DealInstances;

import static nl.citydeal.engine.processengine.CityDealProcess.Activity.*;
import static nl.citydeal.engine.processengine.CityDealProcess.Variable.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A deal that ran before the dossier existed: it runs through its first steps in 2012, its dossier entries are deleted
 * (as in a database from before V106), and the start-up backfill rebuilds them from the engine's history with the
 * step, the labels of the deployed forms, the answers, who and when, marked "uit de procesgeschiedenis"; a second run
 * adds nothing.
 */
@CityDealSpringTest
@AutoConfigureMockMvc
@AlsoOnPostgres
class DossierHistoryBackfillTest {

    static final String LEAD = "anna";
    static final String OFFICE = "olaf";
    static final Instant LONG_AGO =
            OffsetDateTime.parse("2012-03-01T10:00+01:00").toInstant();

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    HistoryService historyService;

    @Autowired
    TaskService taskService;

    @Autowired
    FormService formService;

    @Autowired
    IdentityService identityService;

    @Autowired
    Dossier dossier;

    @Autowired
    DossierEntryRepository entries;

    @Autowired
    DossierHistoryBackfill backfill;

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        for (Map.Entry<String, Role> user :
                Map.of(LEAD, Role.DEAL_LEAD, OFFICE, Role.PROGRAMME_OFFICE).entrySet()) {
            if (identityService.createUserQuery().userId(user.getKey()).count() == 0) {
                identityService.saveUser(identityService.newUser(user.getKey()));
                identityService.createMembership(user.getKey(), user.getValue().groupId());
            }
        }
        ClockUtil.setCurrentTime(Date.from(LONG_AGO));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theStepsOfADealFromBeforeTheDossierAreRebuiltFromTheHistoryWithLabelsWhoAndWhenOnce() throws Exception {
        ProcessInstance deal = runtimeService.startProcessInstanceByKey(
                CityDealProcess.KEY,
                Map.of(
                        DEAL_NAME, "City Deal van vroeger",
                        THEME, "geschiedenis",
                        LEAD_ORGANISATION, "Gemeente Deventer",
                        DEAL_LEAD, LEAD,
                        AMBITION, "Oude binnensteden energiezuinig"));
        String dealId = dealIdOf(deal);
        complete(
                deal,
                LEAD,
                SCREEN_PARTICIPANT,
                Map.of(
                        "participantName",
                        "Waterschap Drents Overijsselse Delta",
                        "participantType",
                        "WATER_BOARD",
                        "participantAddedValue",
                        "Kennis van het watersysteem onder de binnenstad",
                        PARTICIPANT_ACCEPTED,
                        true,
                        MORE_PARTICIPANTS,
                        false));
        Instant commitmentAt = LONG_AGO.plusSeconds(3600);
        ClockUtil.setCurrentTime(Date.from(commitmentAt));
        complete(
                deal,
                LEAD,
                SECURE_COMMITMENT,
                Map.of(
                        "commitmentDescription",
                        "Wethouder en dijkgraaf tekenen",
                        RESOURCES_COMMITTED,
                        true,
                        "resourcesDescription",
                        "Twee ton en een projectleider",
                        "executionFundingView",
                        "Begroting 2013 van beide partners"));
        ClockUtil.reset();

        // the database of before the dossier: the engine's history, no entries
        List<DossierEntry> live = dossier.of(dealId);
        assertThat(live).hasSize(2);
        entries.deleteAll(live);
        assertThat(dossier.of(dealId)).isEmpty();

        backfill.backfill();

        List<DossierEntry> rebuilt = dossier.of(dealId);
        assertThat(rebuilt)
                .extracting(
                        DossierEntry::getActivityId,
                        DossierEntry::getTaskName,
                        DossierEntry::getCompletedBy,
                        DossierEntry::getCompletedAt,
                        DossierEntry::getPhase,
                        DossierEntry::isFromHistory)
                .containsExactly(
                        tuple(
                                SCREEN_PARTICIPANT,
                                "Deelnemer screenen op toegevoegde waarde",
                                LEAD,
                                LONG_AGO,
                                DealPhase.PREPARATION,
                                true),
                        tuple(
                                SECURE_COMMITMENT,
                                live.get(1).getTaskName(),
                                LEAD,
                                commitmentAt,
                                DealPhase.PREPARATION,
                                true));
        assertThat(rebuilt)
                .extracting(DossierEntry::getTaskId)
                .containsExactly(live.get(0).getTaskId(), live.get(1).getTaskId());
        assertThat(rebuilt.get(0).getLesson())
                .isEqualTo(live.get(0).getLesson())
                .isNotBlank();
        assertThat(rebuilt.get(0).getFields())
                .extracting(DossierField::getLabel, DossierField::getText)
                .contains(
                        tuple("Naam deelnemer", "Waterschap Drents Overijsselse Delta"),
                        tuple("Toegevoegde waarde voor de opgave", "Kennis van het watersysteem onder de binnenstad"),
                        tuple("Toegevoegde waarde aangetoond: deelnemer toelaten", "ja"),
                        tuple("Nog een deelnemer screenen", "nee"));
        assertThat(rebuilt.get(1).getFields())
                .extracting(DossierField::getLabel, DossierField::getText)
                .containsExactlyElementsOf(live.get(1).getFields().stream()
                        .map(field -> tuple(field.getLabel(), field.getText()))
                        .toList())
                .contains(tuple("Toegezegde middelen", "Twee ton en een projectleider"));

        backfill.backfill();
        assertThat(dossier.of(dealId))
                .extracting(DossierEntry::getId)
                .containsExactlyElementsOf(
                        rebuilt.stream().map(DossierEntry::getId).toList());

        mvc.perform(get("/api/deals/" + dealId + "/dossier")
                        .with(user(LEAD).authorities(() -> Role.DEAL_LEAD.authority())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].fromHistory").value(true))
                .andExpect(jsonPath("$[0].sourceLabel").value("uit de procesgeschiedenis"));
        mvc.perform(get("/deals/" + dealId).with(user(LEAD).authorities(() -> Role.DEAL_LEAD.authority())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("uit de procesgeschiedenis")));
    }

    /** Completes the task as {@code userId} through its form with these answers. */
    private void complete(ProcessInstance deal, String userId, String activityId, Map<String, Object> answers) {
        Task task = taskService
                .createTaskQuery()
                .processInstanceId(deal.getId())
                .taskDefinitionKey(activityId)
                .singleResult();
        assertThat(task).as("open task " + activityId).isNotNull();
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId)
                .toList();
        identityService.setAuthentication(userId, groups);
        try {
            formService.submitTaskForm(task.getId(), new LinkedHashMap<>(answers));
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** The id of the instance's deal (its variable dealId; the business key is the deal's reference). */
    private String dealIdOf(ProcessInstance instance) {
        return DealInstances.dealIdOf(historyService, instance.getId()).orElseThrow();
    }
}
