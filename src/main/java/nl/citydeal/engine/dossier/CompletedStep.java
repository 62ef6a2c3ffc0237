package nl.citydeal.engine.dossier;

import java.util.List;

import nl.citydeal.engine.deal.DealPhase;

/**
 * A user task of a deal that was just completed, as the engine glue hands it to the {@link Dossier}: which task, in
 * which phase (null if none was set yet), the lesson behind it (the task's documentation in the model), who
 * completed it (null when no one was logged in), and each field of its form with the value it was completed with.
 */
public record CompletedStep(
        String dealId,
        String processInstanceId,
        String taskId,
        String activityId,
        String taskName,
        DealPhase phase,
        String lesson,
        String completedBy,
        List<Answer> answers) {

    public CompletedStep {
        answers = List.copyOf(answers);
    }

    /** A form field with the value the task was completed with (null when it has none). */
    public record Answer(FormField field, Object value) {}
}
