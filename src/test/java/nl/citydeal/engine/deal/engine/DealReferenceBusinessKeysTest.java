package nl.citydeal.engine.deal.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.citydeal.engine.AlsoOnPostgres;
import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.NewDeal;
import nl.citydeal.engine.deal.Participant;
import nl.citydeal.engine.deal.StaatscourantReference;
import nl.citydeal.engine.identity.Role;
import nl.citydeal.engine.processengine.CityDealProcess;

import static nl.citydeal.engine.processengine.CityDealProcess.Activity.SCREEN_PARTICIPANT;
import static nl.citydeal.engine.processengine.CityDealProcess.Variable.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deal whose process was started before the references has its id as business key: at start-up it gets its
 * reference (the history too), and its tasks work on as before; a second start leaves it alone.
 */
@CityDealSpringTest
@AlsoOnPostgres
class DealReferenceBusinessKeysTest {

    static final String LEAD = "anna";
    static final String OTHER_LEAD = "bernard";

    @Autowired
    DealRegistry registry;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    HistoryService historyService;

    @Autowired
    TaskService taskService;

    @Autowired
    IdentityService identityService;

    @Autowired
    ProcessEngineConfigurationImpl engineConfiguration;

    @Autowired
    DealReferenceBusinessKeys businessKeys;

    @BeforeEach
    void setUp() {
        for (String lead : List.of(LEAD, OTHER_LEAD)) {
            if (identityService.createUserQuery().userId(lead).count() == 0) {
                identityService.saveUser(identityService.newUser(lead));
                identityService.createMembership(lead, Role.DEAL_LEAD.groupId());
            }
        }
    }

    @Test
    void aRunningDealWithItsIdAsBusinessKeyGetsItsReferenceAtStartUpAndItsTasksStillWork() {
        Deal deal = registry.register(newDeal("Deal van voor de kenmerken"), "petra");
        String instanceId = instanceOf(deal);
        setBusinessKey(instanceId, deal.getId());

        businessKeys.update();

        assertThat(businessKeyOf(instanceId)).isEqualTo(deal.getReference());
        assertThat(historyService
                        .createHistoricProcessInstanceQuery()
                        .processInstanceId(instanceId)
                        .singleResult()
                        .getBusinessKey())
                .isEqualTo(deal.getReference());
        Task screening = taskService
                .createTaskQuery()
                .processInstanceId(instanceId)
                .taskDefinitionKey(SCREEN_PARTICIPANT)
                .singleResult();
        taskService.complete(
                screening.getId(),
                Map.of(
                        PARTICIPANT_NAME, "Gemeente Deventer",
                        PARTICIPANT_TYPE, "MUNICIPALITY",
                        PARTICIPANT_ADDED_VALUE, "Ervaring met binnensteden",
                        PARTICIPANT_ACCEPTED, true,
                        MORE_PARTICIPANTS, false));
        assertThat(registry.participants(deal.getId()))
                .extracting(Participant::getName)
                .contains("Gemeente Deventer");

        businessKeys.update();
        assertThat(businessKeyOf(instanceId)).isEqualTo(deal.getReference());
    }

    @Test
    void aRunningDealWithItsIdAsBusinessKeyIsFoundBeforeStartUpRenamesIt() {
        Deal deal = registry.register(newDeal("Deal nog met oude sleutel"), "petra");
        String instanceId = instanceOf(deal);
        setBusinessKey(instanceId, deal.getId());

        registry.changeLead(deal.getId(), OTHER_LEAD, "petra");

        assertThat(runtimeService.getVariable(instanceId, DEAL_LEAD)).isEqualTo(OTHER_LEAD);
        assertThat(taskService
                        .createTaskQuery()
                        .processInstanceId(instanceId)
                        .singleResult()
                        .getAssignee())
                .isEqualTo(OTHER_LEAD);
    }

    private String instanceOf(Deal deal) {
        return runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(CityDealProcess.KEY)
                .processInstanceBusinessKey(deal.getReference())
                .singleResult()
                .getId();
    }

    private String businessKeyOf(String instanceId) {
        return runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(instanceId)
                .singleResult()
                .getBusinessKey();
    }

    /** As the instance was before the references: the deal's id as business key. */
    private void setBusinessKey(String instanceId, String businessKey) {
        engineConfiguration.getCommandExecutorTxRequired().execute(commandContext -> {
            ExecutionEntity instance = commandContext.getExecutionManager().findExecutionById(instanceId);
            instance.setProcessBusinessKey(businessKey);
            return null;
        });
    }

    private static NewDeal newDeal(String name) {
        return new NewDeal(
                name,
                "kenmerken",
                "Gemeente Zwolle",
                LEAD,
                null,
                "Leesbare kenmerken",
                null,
                null,
                null,
                (StaatscourantReference) null,
                Set.of(),
                List.of(),
                null);
    }
}
