package nl.citydeal.engine.portfolio;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A shared time axis from whole year to whole year, for drawing terms side by side: each date becomes a position
 * in percent of the width (as text for an SVG attribute, which the page's Content Security Policy allows where
 * an inline style would be blocked).
 */
public record TimeAxis(LocalDate from, LocalDate to, LocalDate today) {

    public TimeAxis {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("An axis must end after it starts: " + from + " to " + to);
        }
    }

    /** The axis over the given dates and today, widened to whole years. */
    public static TimeAxis over(Collection<LocalDate> dates, LocalDate today) {
        LocalDate min = dates.stream()
                .filter(Objects::nonNull)
                .min(LocalDate::compareTo)
                .orElse(today);
        LocalDate max = dates.stream()
                .filter(Objects::nonNull)
                .max(LocalDate::compareTo)
                .orElse(today);
        if (today.isBefore(min)) {
            min = today;
        }
        if (today.isAfter(max)) {
            max = today;
        }
        return new TimeAxis(LocalDate.of(min.getYear(), 1, 1), LocalDate.of(max.getYear() + 1, 1, 1), today);
    }

    /** The position of a date in percent of the axis, within 0 and 100. */
    public double position(LocalDate date) {
        double days = ChronoUnit.DAYS.between(from, to);
        double at = ChronoUnit.DAYS.between(from, date) * 100.0 / days;
        return Math.max(0, Math.min(100, at));
    }

    /** The position as an SVG length, e.g. {@code 12.34%}. */
    public String x(LocalDate date) {
        return percent(position(date));
    }

    /** The width from one date to another as an SVG length, at least a sliver so that a short term shows. */
    public String width(LocalDate start, LocalDate end) {
        return percent(Math.max(0.4, position(end) - position(start)));
    }

    public String todayX() {
        return x(today);
    }

    /** Where a label at today's line is anchored: to its left near the end of the axis, so that it stays inside. */
    public String todayAnchor() {
        return position(today) > 85 ? "end" : "start";
    }

    /** The first of January of every year on the axis (but the last, which is its end). */
    public List<Tick> years() {
        List<Tick> ticks = new ArrayList<>();
        for (LocalDate year = from; year.isBefore(to); year = year.plusYears(1)) {
            ticks.add(new Tick(Integer.toString(year.getYear()), x(year)));
        }
        return ticks;
    }

    /** Whether year labels fit: beyond about twelve years only every other year is labelled. */
    public boolean label(Tick tick) {
        List<Tick> all = years();
        int step = all.size() > 12 ? 2 : 1;
        return all.indexOf(tick) % step == 0;
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.3f%%", value);
    }

    /** A labelled mark on the axis. */
    public record Tick(String label, String x) {}
}
