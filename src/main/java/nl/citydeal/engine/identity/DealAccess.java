package nl.citydeal.engine.identity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

/**
 * A deal lead sees exactly the deals they lead: read access to the deal's process instance, and their tasks
 * (the engine grants an assignee their task). When the lead changes, both move to the new lead.
 * <p>
 * A deal's deputies (co-leads) see it the same way: read access to its process instance. A deal-lead task of a deal
 * with deputies is the team's: assigned to no one, with the lead and every deputy as candidate users (the engine
 * grants a candidate user READ and TASK_WORK on the task: claim and complete, nothing more), so whoever of them
 * claims it works it, in Tasklist as through the engine API. A deal without deputies keeps its deal-lead tasks
 * assigned to its lead. A removed deputy loses the instance, their candidacy and every grant on the deal's tasks;
 * tasks they had claimed go back to the team (or to the lead, when no deputy is left).
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
        for (Task task : taskService
                .createTaskQuery()
                .processInstanceId(processInstanceId)
                .taskCandidateUser(oldLead)
                .includeAssignedTasks()
                .list()) {
            taskService.deleteCandidateUser(task.getId(), oldLead);
            addCandidate(task.getId(), newLead);
            revoke(oldLead, Resources.TASK.resourceType(), task.getId());
        }
        revoke(oldLead, Resources.PROCESS_INSTANCE.resourceType(), processInstanceId);
        grantLead(processInstanceId, newLead);
    }

    /**
     * A task of the deal was just created (the engine's create event, before anyone sees it): a deal-lead task (one
     * assigned to the deal's lead) of a deal with deputies goes to the team instead.
     */
    public void offerToTeam(DelegateTask task, String dealLead, Set<String> deputies) {
        if (deputies.isEmpty() || dealLead == null || !dealLead.equals(task.getAssignee())) {
            return;
        }
        task.addCandidateUser(dealLead);
        deputies.forEach(task::addCandidateUser);
        task.setAssignee(null);
    }

    /**
     * The deal's deputies changed from {@code before} to {@code after} (neither holds the lead): the added ones get
     * the instance and the team's open deal-lead tasks; the removed ones lose both, and the tasks they had claimed
     * go back to the team, or to the lead once no deputy is left. With no deputies left, the team's tasks go back to
     * the lead; with the first deputy, the lead's open tasks go to the team.
     */
    public void changeDeputies(String processInstanceId, String dealLead, Set<String> before, Set<String> after) {
        Set<String> removed = new LinkedHashSet<>(before);
        removed.removeAll(after);
        removed.remove(dealLead);
        Set<String> team = new LinkedHashSet<>(before);
        team.add(dealLead);
        for (Task task : leadTasks(processInstanceId, team)) {
            for (String deputy : removed) {
                taskService.deleteCandidateUser(task.getId(), deputy);
                revoke(deputy, Resources.TASK.resourceType(), task.getId());
            }
            boolean claimedByRemoved = task.getAssignee() != null && removed.contains(task.getAssignee());
            if (after.isEmpty()) {
                taskService.deleteCandidateUser(task.getId(), dealLead);
                if (task.getAssignee() == null || claimedByRemoved) {
                    taskService.setAssignee(task.getId(), dealLead);
                }
            } else {
                addCandidate(task.getId(), dealLead);
                after.forEach(deputy -> addCandidate(task.getId(), deputy));
                if (claimedByRemoved || (before.isEmpty() && dealLead.equals(task.getAssignee()))) {
                    taskService.setAssignee(task.getId(), null);
                }
            }
        }
        removed.forEach(deputy -> revoke(deputy, Resources.PROCESS_INSTANCE.resourceType(), processInstanceId));
        after.forEach(deputy -> grantLead(processInstanceId, deputy));
    }

    private void addCandidate(String taskId, String userId) {
        boolean already = taskService.getIdentityLinksForTask(taskId).stream()
                .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && userId.equals(link.getUserId()));
        if (!already) {
            taskService.addCandidateUser(taskId, userId);
        }
    }

    /** The open tasks of the instance that belong to its leads: assigned to one of them, or one of them a candidate. */
    private List<Task> leadTasks(String processInstanceId, Set<String> leads) {
        List<Task> tasks = new ArrayList<>();
        for (Task task : taskService
                .createTaskQuery()
                .processInstanceId(processInstanceId)
                .list()) {
            boolean theirs = task.getAssignee() != null && leads.contains(task.getAssignee());
            if (!theirs) {
                for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
                    if (IdentityLinkType.CANDIDATE.equals(link.getType()) && leads.contains(link.getUserId())) {
                        theirs = true;
                        break;
                    }
                }
            }
            if (theirs) {
                tasks.add(task);
            }
        }
        return tasks;
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
