package nl.citydeal.engine.prompt.notify;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The reminder lead times a user chooses from: 3 days, 1 week, 2 weeks, 4 weeks, and the configured default
 * ({@code citydeal.reminders.lead-time}) when it is none of these. Shown in Dutch ("2 weken").
 */
public final class LeadTimes {

    static final List<Period> CHOICES =
            List.of(Period.ofDays(3), Period.ofWeeks(1), Period.ofWeeks(2), Period.ofWeeks(4));

    private static final LocalDate BASE = LocalDate.of(2000, 1, 1);

    private LeadTimes() {}

    /** The choices, shortest first, with the default among them. */
    static List<Period> with(Period defaultLeadTime) {
        List<Period> all = new ArrayList<>(CHOICES);
        if (!all.contains(defaultLeadTime)) {
            all.add(defaultLeadTime);
        }
        all.sort(Comparator.comparing(BASE::plus));
        return List.copyOf(all);
    }

    /** The period an ISO-8601 text names ({@code P14D}), if it parses. */
    static Optional<Period> parse(String text) {
        if (text == null || text.isBlank() || text.length() > 16) {
            return Optional.empty();
        }
        try {
            return Optional.of(Period.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The period in Dutch: "3 dagen", "1 week", "2 weken", "1 maand", "1 maand en 2 dagen". */
    public static String label(Period period) {
        List<String> parts = new ArrayList<>();
        if (period.getYears() != 0) {
            parts.add(count(period.getYears(), "jaar", "jaar"));
        }
        if (period.getMonths() != 0) {
            parts.add(count(period.getMonths(), "maand", "maanden"));
        }
        int days = period.getDays();
        if (days != 0 && days % 7 == 0) {
            parts.add(count(days / 7, "week", "weken"));
        } else if (days != 0) {
            parts.add(count(days, "dag", "dagen"));
        }
        return parts.isEmpty() ? "0 dagen" : String.join(" en ", parts);
    }

    private static String count(int n, String one, String more) {
        return n + " " + (n == 1 ? one : more);
    }
}
