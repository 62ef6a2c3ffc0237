package nl.citydeal.engine.deal.engine;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.Participant;
import nl.citydeal.engine.deal.ParticipantType;
import nl.citydeal.engine.processengine.DealInstances;
import nl.citydeal.engine.processengine.ProcessValues;

import static nl.citydeal.engine.processengine.CityDealProcess.Variable.*;

/**
 * Records each participant screened on added value in the registry, and counts them and those admitted. The
 * screening's fields are local to its task (the model's input parameters), so the next screening opens with an empty
 * form; they are removed here too, for deals still running on a version of the model without those parameters. The
 * history keeps every submitted value. After each screening the deal's participants so far are summed up in Dutch, one
 * a line, for the proposal review to show ({@code screenedParticipants}): the screening's own answers are gone by then.
 * Two beans ({@link DealListenerConfiguration}): one for the screening before signing, one for late joiners.
 */
class ParticipantScreeningTaskListener implements TaskListener {

    private final boolean lateJoiner;
    private final DealRegistry dealRegistry;

    ParticipantScreeningTaskListener(boolean lateJoiner, DealRegistry dealRegistry) {
        this.lateJoiner = lateJoiner;
        this.dealRegistry = dealRegistry;
    }

    private static final List<String> SCREENING_FIELDS =
            List.of(PARTICIPANT_NAME, PARTICIPANT_TYPE, PARTICIPANT_ADDED_VALUE, PARTICIPANT_ACCEPTED);

    /** The kinds of parties as the screening form names them. */
    private static final Map<ParticipantType, String> TYPE_LABELS = new EnumMap<>(Map.of(
            ParticipantType.MUNICIPALITY, "Gemeente",
            ParticipantType.MINISTRY, "Ministerie",
            ParticipantType.PROVINCE, "Provincie",
            ParticipantType.WATER_BOARD, "Waterschap",
            ParticipantType.KNOWLEDGE_INSTITUTION, "Kennisinstelling",
            ParticipantType.COMPANY, "Bedrijf",
            ParticipantType.CIVIL_SOCIETY, "Maatschappelijke organisatie"));

    @Override
    public void notify(DelegateTask task) {
        String type = ProcessValues.text(task, PARTICIPANT_TYPE);
        dealRegistry.recordScreening(
                DealInstances.dealId(task.getExecution()),
                ProcessValues.text(task, PARTICIPANT_NAME),
                type == null ? ParticipantType.MUNICIPALITY : ParticipantType.valueOf(type),
                ProcessValues.text(task, PARTICIPANT_ADDED_VALUE),
                ProcessValues.flag(task, PARTICIPANT_ACCEPTED),
                lateJoiner,
                task.getAssignee());
        task.setVariable(PARTICIPANTS_SCREENED, count(task, PARTICIPANTS_SCREENED) + 1);
        if (ProcessValues.flag(task, PARTICIPANT_ACCEPTED)) {
            task.setVariable(PARTICIPANTS_ACCEPTED, count(task, PARTICIPANTS_ACCEPTED) + 1);
        }
        SCREENING_FIELDS.forEach(task::removeVariable);
        task.setVariable(
                SCREENED_PARTICIPANTS, summary(dealRegistry.participants(DealInstances.dealId(task.getExecution()))));
    }

    /** One line a participant: name, kind, admitted or not, and the added value given. */
    static String summary(List<Participant> participants) {
        if (participants.isEmpty()) {
            return "Nog geen deelnemers gescreend.";
        }
        return participants.stream()
                .map(p -> "- %s (%s%s): %s. Toegevoegde waarde: %s"
                        .formatted(
                                p.getName(),
                                TYPE_LABELS.get(p.getType()),
                                p.isLateJoiner() ? ", bijtekenaar" : "",
                                p.isAccepted() ? "toegelaten" : "niet toegelaten",
                                p.getAddedValue() == null || p.getAddedValue().isBlank()
                                        ? "niet beschreven"
                                        : p.getAddedValue().strip()))
                .collect(Collectors.joining("\n"));
    }

    private static int count(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value instanceof Number number ? number.intValue() : 0;
    }
}
