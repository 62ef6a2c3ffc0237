package nl.citydeal.engine.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

/**
 * A deal lead sees exactly the deals they lead: read access to the deal's process instance, and their tasks
 * (the engine grants an assignee their task). When the lead changes, both move to the new lead.
 */
@Component
public class DealAccess {

    private final AuthorizationService authorizationService;
    private final TaskService taskService;

    public DealAccess(AuthorizationService authorizationService, TaskService taskService) {
        this.authorizationService = authorizationService;
        this.taskService = taskService;
    }

    /** Lets the deal lead read the deal's process instance. */
    public void grantLead(String processInstanceId, String dealLead) {
        if (dealLead == null || dealLead.isBlank() || hasGrant(processInstanceId, dealLead)) {
            return;
        }
        grant(processInstanceId, dealLead);
    }

    /** The same for a process instance that is just starting, which no one has been granted yet. */
    public void grantLeadOfNewInstance(String processInstanceId, String dealLead) {
        if (dealLead != null && !dealLead.isBlank()) {
            grant(processInstanceId, dealLead);
        }
    }

    private void grant(String processInstanceId, String dealLead) {
        Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setUserId(dealLead);
        authorization.setResource(Resources.PROCESS_INSTANCE);
        authorization.setResourceId(processInstanceId);
        authorization.addPermission(ProcessInstancePermissions.READ);
        authorizationService.saveAuthorization(authorization);
    }

    /**
     * Moves the deal from its old lead to the new one: the old lead loses the deal and its open tasks, the new
     * lead gets both. The caller sets the {@code dealLead} variable, so tasks created later go to the new lead.
     */
    public void changeLead(String processInstanceId, String oldLead, String newLead) {
        for (Task task : taskService
                .createTaskQuery()
                .processInstanceId(processInstanceId)
                .taskAssignee(oldLead)
                .list()) {
            taskService.setAssignee(task.getId(), newLead);
            revoke(oldLead, Resources.TASK.resourceType(), task.getId());
        }
        revoke(oldLead, Resources.PROCESS_INSTANCE.resourceType(), processInstanceId);
        grantLead(processInstanceId, newLead);
    }

    private boolean hasGrant(String processInstanceId, String userId) {
        return authorizationService
                        .createAuthorizationQuery()
                        .userIdIn(userId)
                        .resourceType(Resources.PROCESS_INSTANCE)
                        .resourceId(processInstanceId)
                        .count()
                > 0;
    }

    private void revoke(String userId, int resourceType, String resourceId) {
        authorizationService
                .createAuthorizationQuery()
                .userIdIn(userId)
                .resourceType(resourceType)
                .resourceId(resourceId)
                .list()
                .forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
    }
}
