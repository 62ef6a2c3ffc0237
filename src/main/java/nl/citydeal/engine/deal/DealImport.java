package nl.citydeal.engine.deal;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;

import nl.citydeal.engine.system.InvalidInputException;

/**
 * Imports deals from CSV in the columns of the public list of Dutch City Deals ({@code name, theme, signed_on,
 * ends_on, lead}, optionally {@code deal_lead}, {@code note}: kept with the registration decision, not as the ambition), and the columns the portfolio export adds that fit a
 * registration: {@code scaling_intent} (what the deal means to scale: the names {@code PRACTICE INSTRUMENT KNOWLEDGE
 * REGULATION_CHANGE} separated by spaces as the export writes them, or their Dutch labels separated by commas or
 * semicolons) and {@code staatscourant} (the signing's publication as text, read once: "Staatscourant 2024, 12345" or
 * "Stcrt. 2024, 12345" becomes its year and number, anything else is kept as text). Each line is registered on its own: a refused line changes
 * nothing and does not stop the others; the report says per line what happened and why.
 */
@Service
public class DealImport {

    public static final Set<String> REQUIRED_COLUMNS = Set.of("name", "theme", "signed_on", "ends_on", "lead");
    public static final int MAX_LINES = 1000;

    private final DealRegistry registry;

    public DealImport(DealRegistry registry) {
        this.registry = registry;
    }

    public Report importDeals(Reader csv, String defaultDealLead, String by) throws IOException {
        List<Line> lines = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .setIgnoreEmptyLines(true)
                .get()
                .parse(csv)) {
            List<String> missing = REQUIRED_COLUMNS.stream()
                    .filter(c -> !parser.getHeaderMap().containsKey(c))
                    .sorted()
                    .toList();
            if (!missing.isEmpty()) {
                throw new InvalidInputException("file", "Kolommen ontbreken: " + String.join(", ", missing) + ".");
            }
            for (CSVRecord record : parser) {
                if (record.getRecordNumber() > MAX_LINES) {
                    throw new InvalidInputException("file", "Hoogstens %d regels per import.".formatted(MAX_LINES));
                }
                lines.add(importLine(record, defaultDealLead, by));
            }
        }
        return new Report(lines);
    }

    private Line importLine(CSVRecord record, String defaultDealLead, String by) {
        long number = record.getRecordNumber() + 1;
        String name = value(record, "name");
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate signedOn = date(record, "signed_on", errors);
        LocalDate endsOn = date(record, "ends_on", errors);
        String dealLead =
                record.isMapped("deal_lead") && !value(record, "deal_lead").isEmpty()
                        ? value(record, "deal_lead")
                        : defaultDealLead;
        require(name, "name", "Naam ontbreekt.", errors);
        require(value(record, "theme"), "theme", "Thema ontbreekt.", errors);
        require(value(record, "lead"), "lead", "Trekkende organisatie ontbreekt.", errors);
        require(dealLead, "deal_lead", "Dealtrekker ontbreekt (kolom deal_lead of parameter dealLead).", errors);
        if (name.length() > 200) {
            errors.put("name", "Naam is langer dan 200 tekens.");
        }
        Set<ScalingIntent> intents = intents(value(record, "scaling_intent"), errors);
        String staatscourant = value(record, "staatscourant");
        if (staatscourant.length() > 200) {
            errors.put("staatscourant", "Vindplaats Staatscourant is langer dan 200 tekens.");
        }
        if (!errors.isEmpty()) {
            return Line.refused(number, name, errors);
        }
        try {
            String note = record.isMapped("note") ? value(record, "note") : null;
            Deal deal = registry.register(
                    new NewDeal(
                            "City Deal " + name,
                            value(record, "theme"),
                            value(record, "lead"),
                            dealLead,
                            null,
                            null,
                            DealSetup.ONE_PART,
                            signedOn,
                            endsOn,
                            StaatscourantReference.parse(staatscourant),
                            intents,
                            List.of(),
                            null),
                    by,
                    note);
            return new Line(
                    number, name, Line.Status.IMPORTED, deal.getId(), deal.getReference(), deal.getPhase(), Map.of());
        } catch (InvalidInputException e) {
            return Line.refused(number, name, e.errors());
        }
    }

    /** The intents of a cell: names separated by spaces, or names or Dutch labels separated by commas or semicolons. */
    static Set<ScalingIntent> intents(String text, Map<String, String> errors) {
        Set<ScalingIntent> intents = EnumSet.noneOf(ScalingIntent.class);
        for (String part : text.split("[,;]")) {
            if (part.isBlank()) {
                continue;
            }
            Optional<ScalingIntent> whole = ScalingIntent.of(part);
            if (whole.isPresent()) {
                intents.add(whole.get());
                continue;
            }
            for (String word : part.strip().split("\\s+")) {
                Optional<ScalingIntent> intent = ScalingIntent.of(word);
                if (intent.isEmpty()) {
                    errors.put(
                            "scaling_intent",
                            "'%s' is geen soort opschaling (werkwijze, instrument, kennis, wijziging van regelgeving)."
                                    .formatted(part.strip()));
                    return intents;
                }
                intents.add(intent.get());
            }
        }
        return intents;
    }

    private static LocalDate date(CSVRecord record, String column, Map<String, String> errors) {
        String text = value(record, column);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.put(column, "'%s' is geen datum (jjjj-mm-dd).".formatted(text));
            return null;
        }
    }

    private static void require(String value, String field, String message, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            errors.put(field, message);
        }
    }

    private static String value(CSVRecord record, String column) {
        return record.isMapped(column) && record.isSet(column)
                ? record.get(column).strip()
                : "";
    }

    /** What happened to each line of an import. */
    public record Report(List<Line> lines) {

        public long imported() {
            return lines.stream()
                    .filter(l -> l.status() == Line.Status.IMPORTED)
                    .count();
        }

        public long refused() {
            return lines.size() - imported();
        }
    }

    /** One line of an import: imported as a deal in some phase, or refused with the reason per field. */
    /** One line's outcome: the registered deal's id and reference (a {@code reference} column is not read back). */
    public record Line(
            long line,
            String name,
            Status status,
            String dealId,
            String reference,
            DealPhase phase,
            Map<String, String> reasons) {

        public enum Status {
            IMPORTED,
            REFUSED
        }

        static Line refused(long line, String name, Map<String, String> reasons) {
            return new Line(line, name, Status.REFUSED, null, null, null, reasons);
        }
    }
}
