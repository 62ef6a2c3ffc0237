package nl.citydeal.engine.admin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The engine's open incidents (jobs that gave up after their last attempt), and a retry of their job. */
public interface EngineIncidents {

    /** The newest open incidents first, at most {@code max}. */
    List<EngineIncident> open(int max);

    Optional<EngineIncident> find(String incidentId);

    /** How many incidents are open. */
    long count();

    /**
     * Gives the failed job of the incident one more attempt (the incident is resolved with it): the job executor runs
     * it when it is due, at once for a job whose time has come; a timer that is not due yet keeps its date. False
     * when the incident is gone or has no job to retry.
     */
    boolean retry(String incidentId);

    /**
     * One open incident: when it occurred, the deal (id, when known), the activity by its name in the model,
     * whether its job was a timer (a prompt or deadline), when the job is due, the engine's message and the stack
     * trace.
     */
    record EngineIncident(
            String id,
            Instant since,
            String dealId,
            String activityName,
            boolean timer,
            Instant jobDueAt,
            String message,
            String stacktrace,
            boolean retryable) {}
}
