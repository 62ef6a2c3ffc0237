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
}
