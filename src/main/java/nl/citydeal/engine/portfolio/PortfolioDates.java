package nl.citydeal.engine.portfolio;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import nl.citydeal.engine.prompt.PromptSchedule;

/** Dates as Dutch readers write them ("9 mrt. 2026"), on the prompts' clock (Europe/Amsterdam). */
public final class PortfolioDates {

    public static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", DUTCH);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", DUTCH);

    private PortfolioDates() {}

    public static String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    public static String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(PromptSchedule.ZONE));
    }

    public static String moment(Instant instant) {
        return instant == null ? "" : MOMENT.format(instant.atZone(PromptSchedule.ZONE));
    }

    public static LocalDate localDay(Instant instant) {
        return instant == null ? null : instant.atZone(PromptSchedule.ZONE).toLocalDate();
    }
}
