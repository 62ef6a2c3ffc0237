package nl.citydeal.engine.portfolio;

import java.util.List;
import java.util.Optional;

/**
 * Where a deal stands in its process: the deployed BPMN of its process instance with the activities it waits in
 * now and those it has passed. Implemented on the engine (the {@code process} package), so that this package
 * stays free of it.
 */
public interface ProcessPosition {

    /** The deal's process diagram and position; empty when the deal has no process instance. */
    Optional<Diagram> of(String dealId);

    /**
     * @param processInstanceId the instance (running or finished)
     * @param bpmnXml           the deployed BPMN 2.0 XML of the instance's process definition
     * @param running           whether the instance still runs
     * @param active            the activities it waits in now (empty when finished)
     * @param completedActivityIds the activities it has completed
     */
    record Diagram(
            String processInstanceId,
            String bpmnXml,
            boolean running,
            List<Step> active,
            List<String> completedActivityIds) {

        public List<String> activeActivityIds() {
            return active.stream().map(Step::activityId).toList();
        }
    }

    /** An activity of the model, by id and (Dutch) name. */
    record Step(String activityId, String name) {}

    /** The most open tasks shown for one deal. */
    int MAX_OPEN_TASKS = 50;

    /** The deal's open tasks, oldest first (at most {@link #MAX_OPEN_TASKS}); empty when it has none. */
    List<OpenTask> openTasks(String dealId);

    /**
     * An open task of a deal: its id (for Tasklist), its name as Tasklist shows it, who has it (null when no one has
     * claimed it), the groups that may take it, and its due date (null when it has none).
     */
    record OpenTask(
            String taskId, String name, String assignee, List<String> candidateGroups, java.time.Instant dueAt) {

        public OpenTask {
            candidateGroups = List.copyOf(candidateGroups);
        }

        /**
         * The name without the " — deal name (CD-2026-014)" that Tasklist's name carries, when it carries it (a task
         * created before the references has the name alone).
         */
        public String nameWithout(String dealName) {
            int at = name == null || dealName == null ? -1 : name.lastIndexOf(" — " + dealName);
            return at > 0 ? name.substring(0, at) : name;
        }
    }
}
