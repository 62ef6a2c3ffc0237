package nl.citydeal.engine.processengine;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;

import nl.citydeal.engine.deal.InvalidDealException;
import nl.citydeal.engine.prompt.PromptSchedule;
import nl.citydeal.engine.system.InvalidInputException;

/** Reads typed values from process variables, whether a form sent them as text or the API as dates. */
public final class ProcessValues {

    /**
     * The most rows a query about one process instance reads (its tasks, its timers). Bounded, because the engine
     * refuses an unbounded query in a step run for a logged-in user ({@code query-max-results-limit}).
     */
    public static final int ROWS_OF_ONE_INSTANCE = 1000;

    private ProcessValues() {}

    public static LocalDate date(VariableScope scope, String name) {
        return date(name, scope.getVariable(name));
    }

    /** The value of the variable {@code name} as a date: a {@link Date}, or text starting with an ISO date. */
    public static LocalDate date(String name, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Date date) {
            return date.toInstant().atZone(PromptSchedule.ZONE).toLocalDate();
        }
        String text = value.toString().trim();
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new InvalidDealException(name, "'%s' is geen geldige datum (verwacht jjjj-mm-dd).".formatted(text));
        }
    }

    public static boolean flag(VariableScope scope, String name) {
        return Boolean.TRUE.equals(scope.getVariable(name));
    }

    public static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    /** Turns a broken domain rule into the engine's 400-class error, so Tasklist and the REST API show it. */
    public static BadUserRequestException badInput(InvalidInputException e) {
        return new BadUserRequestException(e.getMessage(), e);
    }
}
