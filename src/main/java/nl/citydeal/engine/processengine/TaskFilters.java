package nl.citydeal.engine.processengine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.identity.Role;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

/**
 * The Tasklist filters of each role, created on start and brought up to date on every restart (found by name).
 * Each shows the deal, its phase and the due date as columns, and sorts by due date, then by creation (oldest
 * first): tasks without a due date or with the same one keep one order from page to page, and with the index on
 * both ({@link EngineIndexes}, the Liquibase changelog) the database reads a page in that order instead of sorting
 * every open task (docs/benchmarks.md, "The Tasklist filter").
 */
@Component
public class TaskFilters {

    static final List<Map<String, String>> COLUMNS = List.of(
            Map.of("name", CityDealProcess.Variable.DEAL_NAME, "label", "Deal"),
            Map.of("name", CityDealProcess.Variable.PHASE_LABEL, "label", "Fase"));

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;

    public TaskFilters(
            FilterService filterService, TaskService taskService, AuthorizationService authorizationService) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
    }

    /** A filter: its name, the role that sees it, its place in the list, and its query. */
    record Definition(String name, Role role, int priority, String description, TaskQuery query) {}

    List<Definition> definitions() {
        return List.of(
                new Definition(
                        "Mijn taken",
                        Role.DEAL_LEAD,
                        -20,
                        "Taken die aan mij zijn toegewezen, eerst wat het eerst moet",
                        taskService
                                .createTaskQuery()
                                .taskAssigneeExpression("${currentUser()}")
                                .orderByDueDate()
                                .asc()
                                .orderByTaskCreateTime()
                                .asc()),
                new Definition(
                        "Binnenkort verlopen",
                        Role.DEAL_LEAD,
                        -10,
                        "Mijn taken die binnen 14 dagen verlopen of al verlopen zijn",
                        taskService
                                .createTaskQuery()
                                .taskAssigneeExpression("${currentUser()}")
                                .dueBeforeExpression("${dateTime().plusDays(14)}")
                                .orderByDueDate()
                                .asc()
                                .orderByTaskCreateTime()
                                .asc()),
                new Definition(
                        "Taken van mijn deals om op te pakken",
                        Role.DEAL_LEAD,
                        -15,
                        "Taken van de dealtrekker van een deal met plaatsvervangers: wie ze oppakt (claimen), doet ze",
                        taskService
                                .createTaskQuery()
                                .taskCandidateUserExpression("${currentUser()}")
                                .orderByDueDate()
                                .asc()
                                .orderByTaskCreateTime()
                                .asc()),
                new Definition(
                        "Taken programmabureau",
                        Role.PROGRAMME_OFFICE,
                        -30,
                        "Taken voor het programmabureau",
                        taskService
                                .createTaskQuery()
                                .taskCandidateGroup(Role.PROGRAMME_OFFICE.groupId())
                                .includeAssignedTasks()
                                .orderByDueDate()
                                .asc()
                                .orderByTaskCreateTime()
                                .asc()),
                new Definition(
                        "Alle open taken",
                        Role.PROGRAMME_OFFICE,
                        -20,
                        "Alle open taken van alle deals",
                        taskService
                                .createTaskQuery()
                                .orderByDueDate()
                                .asc()
                                .orderByTaskCreateTime()
                                .asc()),
                new Definition(
                        "Escalaties",
                        Role.PROGRAMME_OFFICE,
                        -15,
                        "Deals waarvan het opschalingsplan ontbreekt",
                        taskService
                                .createTaskQuery()
                                .taskDefinitionKey(CityDealProcess.Activity.ESCALATE_MISSING_SCALING_PLAN)
                                .orderByDueDate()
                                .asc()
                                .orderByTaskCreateTime()
                                .asc()),
                new Definition(
                        "Achterstallige prompts",
                        Role.PROGRAMME_OFFICE,
                        -10,
                        "Taken waarvan de vervaldatum voorbij is",
                        taskService
                                .createTaskQuery()
                                .dueBeforeExpression("${now()}")
                                .orderByDueDate()
                                .asc()
                                .orderByTaskCreateTime()
                                .asc()),
                new Definition(
                        "Per fase",
                        Role.PROGRAMME_OFFICE,
                        0,
                        "Alle open taken, gesorteerd op de fase van de deal",
                        taskService
                                .createTaskQuery()
                                .orderByProcessVariable(
                                        CityDealProcess.Variable.PHASE_LABEL,
                                        org.camunda.bpm.engine.variable.type.ValueType.STRING)
                                .asc()
                                .orderByDueDate()
                                .asc()
                                .orderByTaskCreateTime()
                                .asc()));
    }

    @EventListener(ContextRefreshedEvent.class)
    public void createOrUpdate() {
        for (Definition definition : definitions()) {
            Filter filter = filterService
                    .createFilterQuery()
                    .filterName(definition.name())
                    .singleResult();
            if (filter == null) {
                filter = filterService.newTaskFilter(definition.name());
            }
            filter.setQuery(definition.query());
            filter.setProperties(properties(definition));
            filterService.saveFilter(filter);
            grantRead(filter.getId(), definition.role());
        }
    }

    private static Map<String, Object> properties(Definition definition) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", definition.description());
        properties.put("priority", definition.priority());
        properties.put("refresh", true);
        properties.put("variables", COLUMNS);
        return properties;
    }

    private void grantRead(String filterId, Role role) {
        boolean granted = authorizationService
                        .createAuthorizationQuery()
                        .groupIdIn(role.groupId())
                        .resourceType(Resources.FILTER)
                        .resourceId(filterId)
                        .count()
                > 0;
        if (!granted) {
            var authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(role.groupId());
            authorization.setResource(Resources.FILTER);
            authorization.setResourceId(filterId);
            authorization.addPermission(Permissions.READ);
            authorizationService.saveAuthorization(authorization);
        }
    }
}
