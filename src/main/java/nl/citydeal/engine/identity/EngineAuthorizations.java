package nl.citydeal.engine.identity;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.springframework.stereotype.Component;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

/**
 * What each role may do in the engine, granted once and kept on every start.
 * <ul>
 * <li>administrators: everything, and they alone may deploy (deploying is running code);</li>
 * <li>programme office: every deal and task, start deals, the user directory, Tasklist and Cockpit;</li>
 * <li>deal leads: Tasklist, their own user profile, and nothing of a deal until they lead it ({@link DealAccess}); on
 * a task assigned to them READ and TASK_WORK (claim, complete with the task's form), not UPDATE, which would let them
 * write any variable of the deal (the engine grants the assignee {@code TASK_WORK}, see {@code EngineHardeningPlugin}).</li>
 * </ul>
 */
@Component
public class EngineAuthorizations {

    public static final String CITY_DEAL_PROCESS = "city-deal";

    private final AuthorizationService authorizationService;

    public EngineAuthorizations(AuthorizationService authorizationService) {
        this.authorizationService = authorizationService;
    }

    void grantRoles() {
        for (Resources resource : Resources.values()) {
            grant(Role.ADMINISTRATOR, resource, ANY, Permissions.ALL);
        }

        Role office = Role.PROGRAMME_OFFICE;
        grant(office, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(office, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(
                office,
                Resources.PROCESS_DEFINITION,
                ANY,
                ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.CREATE_INSTANCE,
                ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.UPDATE_INSTANCE,
                ProcessDefinitionPermissions.READ_TASK,
                ProcessDefinitionPermissions.UPDATE_TASK,
                ProcessDefinitionPermissions.TASK_WORK,
                ProcessDefinitionPermissions.TASK_ASSIGN,
                ProcessDefinitionPermissions.READ_HISTORY);
        grant(
                office,
                Resources.PROCESS_INSTANCE,
                ANY,
                ProcessInstancePermissions.CREATE,
                ProcessInstancePermissions.READ,
                ProcessInstancePermissions.UPDATE);
        grant(
                office,
                Resources.TASK,
                ANY,
                TaskPermissions.READ,
                TaskPermissions.UPDATE,
                TaskPermissions.TASK_WORK,
                TaskPermissions.TASK_ASSIGN);
        grant(office, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grant(office, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        grant(office, Resources.DEPLOYMENT, ANY, Permissions.READ);

        Role lead = Role.DEAL_LEAD;
        grant(lead, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(lead, Resources.PROCESS_DEFINITION, CITY_DEAL_PROCESS, ProcessDefinitionPermissions.READ);

        // The user directory (names, e-mail addresses) for the programme office; a deal lead reads only their own
        // profile, through the grant the engine gives every user on their own USER resource. Earlier versions gave
        // deal leads the whole directory: that grant is taken away.
        grant(office, Resources.USER, ANY, Permissions.READ);
        revoke(lead, Resources.USER, ANY);
        for (Role role : List.of(office, lead)) {
            grant(role, Resources.GROUP, ANY, Permissions.READ);
        }
        narrowAssigneeGrants();
    }

    /**
     * Tasks assigned before the engine granted assignees TASK_WORK carry a user's UPDATE on the task: replaced by
     * TASK_WORK, so no assignee writes a deal's variables. Group grants (the programme office's) are left alone.
     */
    void narrowAssigneeGrants() {
        for (Authorization authorization : authorizationService
                .createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT)
                .resourceType(Resources.TASK)
                .hasPermission(TaskPermissions.UPDATE)
                .list()) {
            if (authorization.getUserId() != null
                    && !ANY.equals(authorization.getUserId())
                    && !ANY.equals(authorization.getResourceId())) {
                authorization.removePermission(TaskPermissions.UPDATE);
                authorization.addPermission(TaskPermissions.TASK_WORK);
                authorizationService.saveAuthorization(authorization);
            }
        }
    }

    /** Removes the group's grant on the resource, if there is one. */
    void revoke(Role role, Resource resource, String resourceId) {
        Authorization authorization = authorizationService
                .createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(role.groupId())
                .resourceType(resource)
                .resourceId(resourceId)
                .singleResult();
        if (authorization != null) {
            authorizationService.deleteAuthorization(authorization.getId());
        }
    }

    /** Grants the permissions to the group on the resource, adding to an existing grant. */
    void grant(Role role, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizationService
                .createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(role.groupId())
                .resourceType(resource)
                .resourceId(resourceId)
                .singleResult();
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(role.groupId());
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean changed = authorization.getId() == null;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizationService.saveAuthorization(authorization);
        }
    }
}
