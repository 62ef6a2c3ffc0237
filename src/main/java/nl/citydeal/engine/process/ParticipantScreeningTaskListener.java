package nl.citydeal.engine.process;

import static nl.citydeal.engine.process.CityDealProcess.Variable.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Counts each participant screened on added value, and those admitted. The screening's own fields are cleared
 * afterwards so the next screening starts with an empty form; the history keeps every submitted value.
 */
@Component
public class ParticipantScreeningTaskListener implements TaskListener {

    private static final List<String> SCREENING_FIELDS =
            List.of(PARTICIPANT_NAME, PARTICIPANT_TYPE, PARTICIPANT_ADDED_VALUE, PARTICIPANT_ACCEPTED);

    @Override
    public void notify(DelegateTask task) {
        task.setVariable(PARTICIPANTS_SCREENED, count(task, PARTICIPANTS_SCREENED) + 1);
        if (ProcessValues.flag(task, PARTICIPANT_ACCEPTED)) {
            task.setVariable(PARTICIPANTS_ACCEPTED, count(task, PARTICIPANTS_ACCEPTED) + 1);
        }
        SCREENING_FIELDS.forEach(task::removeVariable);
    }

    private static int count(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value instanceof Number number ? number.intValue() : 0;
    }
}
