package nl.citydeal.engine.processengine;

import org.camunda.bpm.engine.ManagementService;
import org.springframework.stereotype.Component;

/**
 * What the engine's job table says about the work of all nodes: jobs that are due, and jobs that failed for
 * good. Read from the database on every call (one indexed count each), for health and metrics.
 */
@Component
public class EngineStatus {

    private final ManagementService managementService;

    public EngineStatus(ManagementService managementService) {
        this.managementService = managementService;
    }

    /** Jobs (prompt timers, asynchronous steps, migration batches) whose due date has come, with retries left. */
    public long jobsDue() {
        return managementService.createJobQuery().executable().count();
    }

    /** Jobs with no retries left: each is an incident in Cockpit, waiting for an administrator. */
    public long jobsFailed() {
        return managementService.createJobQuery().noRetriesLeft().count();
    }
}
