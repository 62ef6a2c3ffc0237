package nl.citydeal.engine.portfolio;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A bar chart's numbers and its geometry, computed here so that a page only draws it (server-rendered SVG, no
 * script): one bar per category, made of one segment per series stacked on each other. Vertical charts have their
 * categories along the bottom (quarters, months, years), horizontal ones down the left (routes, people). The scale
 * runs from 0 to a round number at or above the highest bar ({@code fixedMax} when given, e.g. 100 for shares in
 * percent). Coordinates are in the SVG's own units ({@link #width()} by {@link #height()}), rounded to 0.1.
 *
 * @param values per category, per series: a count (or a share in percent), never negative
 * @param unit what follows a value in the labels: "" or " %"
 */
public record BarChart(
        Orientation orientation,
        List<String> categories,
        List<Series> series,
        List<List<Long>> values,
        Long fixedMax,
        String unit) {

    public static final double VERTICAL_WIDTH = 720;
    public static final double VERTICAL_HEIGHT = 280;
    static final double VERTICAL_LEFT = 44;
    static final double VERTICAL_RIGHT = 12;
    static final double VERTICAL_TOP = 20;
    static final double VERTICAL_BOTTOM = 44;

    public static final double HORIZONTAL_WIDTH = 720;
    static final double HORIZONTAL_LEFT = 330;
    static final double HORIZONTAL_RIGHT = 48;
    static final double HORIZONTAL_TOP = 8;
    static final double HORIZONTAL_BOTTOM = 28;
    static final double HORIZONTAL_BAND = 28;

    /** Of a bar's band (its share of the axis), how much the bar takes. */
    static final double BAR_SHARE = 0.7;
    /** Gridlines at most, besides the zero line. */
    static final int MAX_TICKS = 5;

    public BarChart {
        Objects.requireNonNull(orientation);
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        int seriesCount = series.size();
        if (values.size() != categories.size()) {
            throw new IllegalArgumentException("a row of values per category");
        }
        values = values.stream()
                .map(row -> {
                    if (row.size() != seriesCount) {
                        throw new IllegalArgumentException("a value per series");
                    }
                    if (row.stream().anyMatch(v -> v == null || v < 0)) {
                        throw new IllegalArgumentException("values are counts, not negative");
                    }
                    return List.copyOf(row);
                })
                .toList();
        unit = unit == null ? "" : unit;
    }

    /** A chart of one series: one value per category. */
    public static BarChart single(
            Orientation orientation,
            List<String> categories,
            Series series,
            List<Long> values,
            Long fixedMax,
            String unit) {
        return new BarChart(
                orientation,
                categories,
                List.of(series),
                values.stream().map(List::of).toList(),
                fixedMax,
                unit);
    }

    /** Which way the bars run. */
    public enum Orientation {
        VERTICAL,
        HORIZONTAL
    }

    /** One series: its name (in the legend and the table's header) and the CSS class its segments are drawn with. */
    public record Series(String label, String css) {}

    /** A drawn segment: where it is, the value it stands for, and its hover text. */
    public record Segment(
            int category,
            int series,
            long value,
            double x,
            double y,
            double width,
            double height,
            String css,
            String title) {}

    /** A line across the plot at a value of the scale, with the value written beside it. */
    public record Tick(
            long value, double x1, double y1, double x2, double y2, double labelX, double labelY, String text) {}

    /** A category's name beside its bar, a line per element of {@code lines}, and the bar's total at its end. */
    public record Label(List<String> lines, double x, double y, String total, double totalX, double totalY) {}

    /** The total of a category's bar. */
    public long total(int category) {
        return values.get(category).stream().mapToLong(Long::longValue).sum();
    }

    /** The highest bar. */
    public long max() {
        long max = 0;
        for (int i = 0; i < categories.size(); i++) {
            max = Math.max(max, total(i));
        }
        return max;
    }

    /** Whether there is nothing to draw: no categories or every value zero. */
    public boolean empty() {
        return max() == 0;
    }

    /** The step between gridlines: 1, 2 or 5 times a power of ten, so that there are at most {@link #MAX_TICKS}. */
    public long step() {
        long top = fixedMax != null ? fixedMax : Math.max(1, max());
        long magnitude = 1;
        while (true) {
            for (long factor : new long[] {1, 2, 5}) {
                long step = factor * magnitude;
                if ((top + step - 1) / step <= MAX_TICKS) {
                    return step;
                }
            }
            magnitude *= 10;
        }
    }

    /** Where the scale ends: {@code fixedMax}, else the first multiple of {@link #step()} at or above the highest bar. */
    public long scaleMax() {
        if (fixedMax != null) {
            return Math.max(fixedMax, max());
        }
        long step = step();
        long top = Math.max(1, max());
        return (top + step - 1) / step * step;
    }

    public boolean vertical() {
        return orientation == Orientation.VERTICAL;
    }

    public double width() {
        return vertical() ? VERTICAL_WIDTH : HORIZONTAL_WIDTH;
    }

    public double height() {
        return vertical()
                ? VERTICAL_HEIGHT
                : round(HORIZONTAL_TOP + HORIZONTAL_BAND * Math.max(1, categories.size()) + HORIZONTAL_BOTTOM);
    }

    public String viewBox() {
        return "0 0 %s %s".formatted(number(width()), number(height()));
    }

    /** The plot's edges: left, top, right, bottom. */
    double left() {
        return vertical() ? VERTICAL_LEFT : HORIZONTAL_LEFT;
    }

    double right() {
        return width() - (vertical() ? VERTICAL_RIGHT : HORIZONTAL_RIGHT);
    }

    double top() {
        return vertical() ? VERTICAL_TOP : HORIZONTAL_TOP;
    }

    double bottom() {
        return height() - (vertical() ? VERTICAL_BOTTOM : HORIZONTAL_BOTTOM);
    }

    /** The length on the value axis that a value takes. */
    private double length(long value) {
        double axis = vertical() ? bottom() - top() : right() - left();
        return axis * value / scaleMax();
    }

    private double band() {
        double axis = vertical() ? right() - left() : bottom() - top();
        return axis / Math.max(1, categories.size());
    }

    /** Every segment with a value above zero, category by category, series stacked in their order. */
    public List<Segment> segments() {
        List<Segment> segments = new ArrayList<>();
        double band = band();
        double thickness = band * BAR_SHARE;
        for (int c = 0; c < categories.size(); c++) {
            double start = (vertical() ? left() : top()) + band * c + (band - thickness) / 2;
            double stacked = 0;
            for (int s = 0; s < series.size(); s++) {
                long value = values.get(c).get(s);
                if (value == 0) {
                    continue;
                }
                double length = length(value);
                String title = series.size() == 1
                        ? "%s: %d%s".formatted(categories.get(c), value, unit)
                        : "%s, %s: %d%s"
                                .formatted(categories.get(c), series.get(s).label(), value, unit);
                if (vertical()) {
                    segments.add(new Segment(
                            c,
                            s,
                            value,
                            round(start),
                            round(bottom() - stacked - length),
                            round(thickness),
                            round(length),
                            series.get(s).css(),
                            title));
                } else {
                    segments.add(new Segment(
                            c,
                            s,
                            value,
                            round(left() + stacked),
                            round(start),
                            round(length),
                            round(thickness),
                            series.get(s).css(),
                            title));
                }
                stacked += length;
            }
        }
        return segments;
    }

    /** The gridlines from zero up to {@link #scaleMax()}, a {@link #step()} apart. */
    public List<Tick> ticks() {
        List<Tick> ticks = new ArrayList<>();
        long step = step();
        for (long value = 0; value <= scaleMax(); value += step) {
            String text = value + unit;
            if (vertical()) {
                double y = round(bottom() - length(value));
                ticks.add(new Tick(value, left(), y, right(), y, left() - 6, round(y + 4), text));
            } else {
                double x = round(left() + length(value));
                ticks.add(new Tick(value, x, top(), x, bottom(), x, round(bottom() + 16), text));
            }
        }
        return ticks;
    }

    /** Each category's name (below its bar, or left of it) and its bar's total (above it, or right of it). */
    public List<Label> labels() {
        List<Label> labels = new ArrayList<>();
        double band = band();
        for (int c = 0; c < categories.size(); c++) {
            double middle = (vertical() ? left() : top()) + band * c + band / 2;
            long total = total(c);
            String totalText = total == 0 ? "" : total + unit;
            List<String> lines = List.of(categories.get(c).split("\n"));
            if (vertical()) {
                double end = bottom() - length(total);
                labels.add(new Label(
                        lines, round(middle), round(bottom() + 16), totalText, round(middle), round(end - 5)));
            } else {
                double end = left() + length(total);
                labels.add(new Label(
                        lines, round(left() - 8), round(middle + 4), totalText, round(end + 5), round(middle + 4)));
            }
        }
        return labels;
    }

    /** A category's name on one line (as the table shows it). */
    public String category(int index) {
        return categories.get(index).replace('\n', ' ');
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** A coordinate as the SVG gets it: without a needless ".0". */
    public static String number(double value) {
        double rounded = round(value);
        return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded);
    }
}
