package nl.citydeal.engine.processengine;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.citydeal.engine.AlsoOnPostgres;
import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.NewDeal;
import nl.citydeal.engine.identity.Role;
import nl.citydeal.engine.identity.TestUsers;
import nl.citydeal.engine.processengine.GroupAuthorizationChecks.ShortGroupListAuthorizationManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's few groups are checked as they are, without the engine's read of every authorization first, and the checks
 * answer as before: the programme office's group grant still shows it the deal's task, a group without
 * authorizations shows nothing and hides nothing.
 */
@CityDealSpringTest
@AlsoOnPostgres
class GroupAuthorizationChecksTest {

    static final String LEAD = "groups-lead";
    static final String OFFICE = "groups-office";
    static final String NO_SUCH_GROUP = "groups-without-authorizations";

    @Autowired
    ProcessEngine engine;

    @Autowired
    IdentityService identityService;

    @Autowired
    TaskService taskService;

    @Autowired
    DealRegistry dealRegistry;

    @Test
    void aShortListOfGroupsIsTakenAsItIsWithoutReadingTheAuthorizations() {
        // outside a command: the engine's own filter would read ACT_RU_AUTHORIZATION here, and fail without one
        assertThat(new ShortGroupListAuthorizationManager()
                        .filterAuthenticatedGroupIds(Arrays.asList(
                                Role.PROGRAMME_OFFICE.groupId(), null, NO_SUCH_GROUP, Role.PROGRAMME_OFFICE.groupId())))
                .containsExactly(Role.PROGRAMME_OFFICE.groupId(), NO_SUCH_GROUP);
    }

    @Test
    void everyCommandChecksAuthorizationsWithTheShortListManager() {
        Command<AuthorizationManager> manager = context -> context.getAuthorizationManager();
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                        .getCommandExecutorTxRequired()
                        .execute(manager))
                .isInstanceOf(ShortGroupListAuthorizationManager.class);
    }

    @Test
    void aGroupWithoutAuthorizationsNeitherShowsNorHidesADealsTask() {
        TestUsers.ensure(identityService, LEAD, "Groepen-Proef-2026!", Role.DEAL_LEAD);
        TestUsers.ensure(identityService, OFFICE, "Groepen-Proef-2026!", Role.PROGRAMME_OFFICE);
        String dealId = dealRegistry
                .register(
                        new NewDeal(
                                "City Deal Groepen",
                                "test",
                                "Gemeente",
                                LEAD,
                                OFFICE,
                                "Ambitie",
                                null,
                                null,
                                null,
                                null,
                                List.of(),
                                null),
                        OFFICE)
                .getId();

        assertThat(tasksOfTheDealSeenBy(dealId, OFFICE, List.of(Role.PROGRAMME_OFFICE.groupId())))
                .as("the programme office's group grant")
                .isEqualTo(1);
        assertThat(tasksOfTheDealSeenBy(dealId, OFFICE, List.of(Role.PROGRAMME_OFFICE.groupId(), NO_SUCH_GROUP)))
                .isEqualTo(1);
        assertThat(tasksOfTheDealSeenBy(dealId, "groups-stranger", List.of(NO_SUCH_GROUP)))
                .isZero();
    }

    private long tasksOfTheDealSeenBy(String dealId, String userId, List<String> groups) {
        identityService.setAuthentication(userId, groups);
        try {
            return taskService
                    .createTaskQuery()
                    .processVariableValueEquals(CityDealProcess.Variable.DEAL_ID, dealId)
                    .count();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
