package nl.citydeal.engine.portfolio.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import nl.citydeal.engine.deal.DealPhase;
import nl.citydeal.engine.deal.Participant;
import nl.citydeal.engine.deal.ScalingRoute;
import nl.citydeal.engine.lesson.Lesson;
import nl.citydeal.engine.portfolio.PortfolioDates;
import nl.citydeal.engine.portfolio.ScalingReadiness;
import nl.citydeal.engine.portfolio.YearReport;
import nl.citydeal.engine.system.PersonNames;

/**
 * The yearly report as an Office Open XML workbook (.xlsx, Apache POI): "Samenvatting" (the totals per phase and per
 * route), "Deals" (a row per deal, the readiness items as columns), "Deelnemers" and "Lessen". Dutch headers in a
 * frozen first row with a filter, dates as date cells (d-m-jjjj), texts as text cells (never a formula).
 */
final class YearReportWorkbook {

    static final String SUMMARY = "Samenvatting";
    static final String DEALS = "Deals";
    static final String PARTICIPANTS = "Deelnemers";
    static final String LESSONS = "Lessen";

    /** The most characters a cell holds. */
    private static final int MAX_CELL = 32_767;

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final CellStyle header;
    private final CellStyle title;
    private final CellStyle date;
    private final CellStyle wrapped;
    private final CellStyle total;
    private final PortfolioLabels labels = new PortfolioLabels();

    private YearReportWorkbook() {
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.TOP);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        Font big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        title = workbook.createCellStyle();
        title.setFont(big);
        date = workbook.createCellStyle();
        date.setDataFormat(workbook.createDataFormat().getFormat("d-m-yyyy"));
        date.setVerticalAlignment(VerticalAlignment.TOP);
        wrapped = workbook.createCellStyle();
        wrapped.setWrapText(true);
        wrapped.setVerticalAlignment(VerticalAlignment.TOP);
        total = workbook.createCellStyle();
        total.setFont(bold);
        total.setBorderTop(BorderStyle.THIN);
    }

    /** The workbook's bytes; deal leads by their names. */
    static byte[] write(YearReport.Report report, PersonNames.Names names) {
        YearReportWorkbook book = new YearReportWorkbook();
        book.summary(report);
        book.deals(report, names);
        book.participants(report);
        book.lessons(report);
        try (XSSFWorkbook workbook = book.workbook;
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void summary(YearReport.Report report) {
        Sheet sheet = workbook.createSheet(SUMMARY);
        Row first = sheet.createRow(0);
        text(first, 0, "Jaarverslag %d · City Deals (Agenda Stad)".formatted(report.year()), title);
        int r = 1;
        Row made = sheet.createRow(r++);
        text(made, 0, "Opgesteld op", null);
        date(made, 1, report.today());
        Row counted = sheet.createRow(r++);
        text(counted, 0, "Deals in dit jaar", null);
        number(counted, 1, report.deals().size(), null);
        Row rule = sheet.createRow(r++);
        text(rule, 0, "Wat telt", null);
        text(rule, 1, YearReport.RULE, wrapped);
        if (report.provisional()) {
            text(sheet.createRow(r++), 1, YearReport.PROVISIONAL, wrapped);
        }
        r++;
        Row phaseHead = sheet.createRow(r++);
        text(phaseHead, 0, "Fase (nu)", header);
        text(phaseHead, 1, "Aantal deals", header);
        for (Map.Entry<DealPhase, Long> entry : report.perPhase().entrySet()) {
            Row row = sheet.createRow(r++);
            text(row, 0, entry.getKey().label(), null);
            number(row, 1, entry.getValue(), null);
        }
        Row phaseTotal = sheet.createRow(r++);
        text(phaseTotal, 0, "Totaal", total);
        number(phaseTotal, 1, report.deals().size(), total);
        r++;
        Row routeHead = sheet.createRow(r++);
        text(routeHead, 0, "Gekozen opschalingsroute", header);
        text(routeHead, 1, "Aantal deals", header);
        for (Map.Entry<ScalingRoute, Long> entry : report.perRoute().entrySet()) {
            Row row = sheet.createRow(r++);
            text(row, 0, entry.getKey().label(), null);
            number(row, 1, entry.getValue(), null);
        }
        Row none = sheet.createRow(r++);
        text(none, 0, "(nog) geen route gekozen", total);
        number(none, 1, report.withoutRoute(), total);
        r++;
        Row lessonHead = sheet.createRow(r++);
        text(lessonHead, 0, "Lessen", header);
        text(lessonHead, 1, "Aantal", header);
        Row positive = sheet.createRow(r++);
        text(positive, 0, "Wat werkte (positief)", null);
        number(positive, 1, report.positiveLessons(), null);
        Row negative = sheet.createRow(r);
        text(negative, 0, "Wat niet werkte (negatief)", null);
        number(negative, 1, report.negativeLessons(), null);
        sheet.setColumnWidth(0, width(50));
        sheet.setColumnWidth(1, width(70));
        sheet.createFreezePane(0, 1);
    }

    private void deals(YearReport.Report report, PersonNames.Names names) {
        Sheet sheet = workbook.createSheet(DEALS);
        List<String> headers = new ArrayList<>(List.of(
                "Kenmerk",
                "Naam",
                "Thema",
                "Trekkende organisatie",
                "Dealtrekker",
                "Fase (nu)",
                "Ondertekend op",
                "Einddatum",
                "Aantal deelnemers",
                "Deelnemers (soort)"));
        List<String> questions = report.readinessQuestions();
        headers.addAll(questions);
        headers.addAll(List.of("Gekozen routes", "Lessen positief", "Lessen negatief"));
        headerRow(sheet, headers);
        int r = 1;
        for (YearReport.DealReport line : report.deals()) {
            Row row = sheet.createRow(r++);
            int c = 0;
            text(row, c++, line.deal().getReference(), null);
            text(row, c++, line.deal().getName(), wrapped);
            text(row, c++, line.deal().getTheme(), null);
            text(row, c++, line.deal().getLeadOrganisation(), null);
            text(row, c++, names.of(line.deal().getDealLead()), null);
            text(row, c++, line.deal().getPhase().label(), null);
            date(row, c++, line.deal().getSignedOn());
            date(row, c++, line.deal().getEndsOn());
            number(row, c++, line.participants().size(), null);
            text(
                    row,
                    c++,
                    line.participants().stream()
                            .map(p -> "%s (%s)".formatted(p.getName(), labels.participantType(p.getType())))
                            .collect(Collectors.joining("; ")),
                    wrapped);
            for (ScalingReadiness.Item item : line.readiness()) {
                text(row, c++, item.status().label(), null);
            }
            c += Math.max(0, questions.size() - line.readiness().size());
            text(
                    row,
                    c++,
                    line.deal().getRoutes().stream().map(ScalingRoute::label).collect(Collectors.joining("; ")),
                    wrapped);
            number(row, c++, line.positiveLessons(), null);
            number(row, c, line.negativeLessons(), null);
        }
        int c = 0;
        for (int w : new int[] {14, 40, 20, 26, 20, 18, 14, 14, 12, 50}) {
            sheet.setColumnWidth(c++, width(w));
        }
        for (int i = 0; i < questions.size(); i++) {
            sheet.setColumnWidth(c++, width(22));
        }
        sheet.setColumnWidth(c++, width(40));
        sheet.setColumnWidth(c++, width(12));
        sheet.setColumnWidth(c, width(12));
        finish(sheet, headers.size(), r);
    }

    private void participants(YearReport.Report report) {
        Sheet sheet = workbook.createSheet(PARTICIPANTS);
        List<String> headers = List.of("Kenmerk", "Deal", "Deelnemer", "Soort", "Toegetreden op", "Later toegetreden");
        headerRow(sheet, headers);
        int r = 1;
        for (YearReport.DealReport line : report.deals()) {
            for (Participant participant : line.participants()) {
                Row row = sheet.createRow(r++);
                text(row, 0, line.deal().getReference(), null);
                text(row, 1, line.deal().getName(), null);
                text(row, 2, participant.getName(), null);
                text(row, 3, labels.participantType(participant.getType()), null);
                date(row, 4, participant.getJoinedOn());
                text(row, 5, participant.isLateJoiner() ? "ja" : "nee", null);
            }
        }
        int c = 0;
        for (int w : new int[] {14, 40, 36, 26, 14, 12}) {
            sheet.setColumnWidth(c++, width(w));
        }
        finish(sheet, headers.size(), r);
    }

    private void lessons(YearReport.Report report) {
        Sheet sheet = workbook.createSheet(LESSONS);
        List<String> headers = List.of("Kenmerk", "Deal", "Thema", "Soort", "Les", "Vastgelegd op");
        headerRow(sheet, headers);
        int r = 1;
        for (YearReport.DealReport line : report.deals()) {
            for (Lesson lesson : line.lessons()) {
                Row row = sheet.createRow(r++);
                text(row, 0, line.deal().getReference(), null);
                text(row, 1, line.deal().getName(), wrapped);
                text(row, 2, lesson.getTheme(), null);
                text(row, 3, lesson.isPositive() ? "positief" : "negatief", null);
                text(row, 4, lesson.getText(), wrapped);
                date(row, 5, PortfolioDates.localDay(lesson.getRecordedAt()));
            }
        }
        int c = 0;
        for (int w : new int[] {14, 36, 20, 10, 80, 14}) {
            sheet.setColumnWidth(c++, width(w));
        }
        finish(sheet, headers.size(), r);
    }

    private void headerRow(Sheet sheet, List<String> headers) {
        Row row = sheet.createRow(0);
        for (int c = 0; c < headers.size(); c++) {
            text(row, c, headers.get(c), header);
        }
    }

    /** The header row frozen, with a filter over the table. */
    private static void finish(Sheet sheet, int columns, int rows) {
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, rows - 1), 0, columns - 1));
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value.length() > MAX_CELL ? value.substring(0, MAX_CELL) : value);
        }
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void number(Row row, int column, long value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private void date(Row row, int column, LocalDate value) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value);
        }
        cell.setCellStyle(date);
    }

    /** A column width in POI's units (1/256 of a character). */
    private static int width(int characters) {
        return characters * 256;
    }
}
