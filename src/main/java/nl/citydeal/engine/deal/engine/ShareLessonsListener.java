package nl.citydeal.engine.deal.engine;

import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.citydeal.engine.lesson.LessonTag;
import nl.citydeal.engine.lesson.Lessons;
import nl.citydeal.engine.lesson.SharedLessons;
import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.processengine.DealInstances;
import nl.citydeal.engine.processengine.ProcessValues;
import nl.citydeal.engine.system.InvalidInputException;

import static nl.citydeal.engine.processengine.CityDealProcess.Variable.*;

/**
 * Shares the lessons the deal lead wrote down at the end of the deal with the other deals, tagged with the seed's
 * lessons the lead picked for each side, or with the programme office only. The tags arrive from the form's
 * checklists as a JSON array of {@link LessonTag} names in text (Tasklist sends a list as the type of the variable
 * the task opened it with, text {@code []}); a list from the Java API is taken as it is. Anything else, or a name
 * that is no tag, is refused with a Dutch message (400 through the REST API, shown on the form in Tasklist) and the
 * task stays open.
 */
@Component
class ShareLessonsListener implements ExecutionListener {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Lessons lessons;
    private final Clock clock;

    ShareLessonsListener(Lessons lessons, Clock clock) {
        this.lessons = lessons;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        try {
            lessons.share(
                    new SharedLessons(
                            DealInstances.dealId(execution),
                            ProcessValues.text(execution, CityDealProcess.Variable.THEME),
                            ProcessValues.text(execution, POSITIVE_LESSONS),
                            tags(POSITIVE_LESSON_TAGS, "positieve", execution.getVariable(POSITIVE_LESSON_TAGS)),
                            ProcessValues.text(execution, NEGATIVE_LESSONS),
                            tags(NEGATIVE_LESSON_TAGS, "negatieve", execution.getVariable(NEGATIVE_LESSON_TAGS)),
                            ProcessValues.flag(execution, LESSONS_INTERNAL)),
                    clock.instant());
        } catch (InvalidInputException e) {
            throw ProcessValues.badInput(e);
        }
    }

    /**
     * The tags in a checklist's value: null, blank or an empty list for none; a JSON array of names in text, or a
     * collection of names. {@code side} names the lessons in the message ("positieve", "negatieve").
     */
    static Set<LessonTag> tags(String field, String side, Object value) {
        Set<LessonTag> tags = EnumSet.noneOf(LessonTag.class);
        for (String name : names(field, side, value)) {
            tags.add(LessonTag.parse(name)
                    .orElseThrow(() -> new InvalidInputException(
                            field,
                            "'%s' is geen les uit het onderzoek; kies bij de %s lessen uit %s."
                                    .formatted(shown(name), side, labels()))));
        }
        return tags;
    }

    private static List<String> names(String field, String side, Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).toList();
        }
        String text = value.toString().strip();
        if (text.isEmpty()) {
            return List.of();
        }
        try {
            JsonNode array = JSON.readTree(text);
            if (array != null && array.isArray()) {
                List<String> names = new java.util.ArrayList<>();
                for (JsonNode element : array) {
                    if (!element.isTextual()) {
                        throw new InvalidInputException(field, notAList(side));
                    }
                    names.add(element.asText());
                }
                return names;
            }
        } catch (JsonProcessingException e) {
            // not JSON: refused below
        }
        throw new InvalidInputException(field, notAList(side));
    }

    private static String notAList(String side) {
        return "De lessen uit het onderzoek bij de %s lessen zijn geen lijst; kies ze met de vinkjes.".formatted(side);
    }

    private static String labels() {
        return String.join(
                ", ",
                java.util.Arrays.stream(LessonTag.values())
                        .map(LessonTag::label)
                        .toList());
    }

    private static String shown(String name) {
        return name.length() > 40 ? name.substring(0, 40) + "…" : name;
    }
}
