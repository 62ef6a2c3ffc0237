package nl.citydeal.engine.system.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Every CSV the app writes goes through here, because people open them in a spreadsheet. A text cell that a
 * spreadsheet would read as a formula (it begins with {@code = + - @}, a tab or a carriage return) is written with a
 * leading apostrophe, so {@code =HYPERLINK(...)} in a deal's name arrives as text and never runs (OWASP, "CSV
 * injection"). Numbers and dates are written as they are: they cannot hold a formula.
 */
public final class SpreadsheetCsv implements Closeable {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final StringWriter text = new StringWriter();
    private final CSVPrinter printer;

    public SpreadsheetCsv(String... header) {
        try {
            printer = new CSVPrinter(
                    text,
                    CSVFormat.DEFAULT
                            .builder()
                            .setHeader(Arrays.stream(header)
                                    .map(SpreadsheetCsv::neutralise)
                                    .toArray(String[]::new))
                            .get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one row; {@code null} is an empty cell. */
    public SpreadsheetCsv row(Object... cells) {
        try {
            printer.printRecord(Arrays.stream(cells).map(SpreadsheetCsv::cell));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The CSV written so far. */
    public String text() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    @Override
    public void close() {
        try {
            printer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object cell(Object value) {
        return value instanceof CharSequence || value instanceof Enum<?> ? neutralise(value.toString()) : value;
    }

    /** The text as a spreadsheet shows it, never as a formula it would run. */
    static String neutralise(String value) {
        return !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
