package nl.citydeal.engine.portfolio.web;

import java.util.HashSet;
import java.util.Set;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import nl.citydeal.engine.portfolio.YearReport;
import nl.citydeal.engine.system.InvalidInputException;
import nl.citydeal.engine.system.PersonNames;
import nl.citydeal.engine.system.web.Viewer;

/**
 * The yearly report for Agenda Stad: a printable page ({@code /portfolio/report?year=2026}) and the same as a
 * spreadsheet ({@code /portfolio/report.xlsx?year=2026}). The programme office and administrators get every deal of
 * the year, a deal lead the deals they lead or are a deputy of. A year that is not one: the page with a Dutch message
 * (400); the spreadsheet as a 400 problem with the same message.
 */
@Controller
class YearReportController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final YearReport yearReport;
    private final PersonNames personNames;

    YearReportController(YearReport yearReport, PersonNames personNames) {
        this.yearReport = yearReport;
        this.personNames = personNames;
    }

    @GetMapping("/portfolio/report")
    String page(
            @RequestParam(required = false) String year,
            Authentication user,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("currentYear", yearReport.currentYear());
        model.addAttribute("firstYear", YearReport.FIRST_YEAR);
        model.addAttribute("lastYear", yearReport.currentYear() + YearReport.YEARS_AHEAD);
        int chosen;
        try {
            chosen = yearReport.yearOf(year);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("yearError", e.errors().get(YearReport.FIELD));
            model.addAttribute("asked", year.length() > 20 ? year.substring(0, 20) : year);
            return "portfolio/report";
        }
        YearReport.Report report = yearReport.of(chosen, onlyLead(user));
        model.addAttribute("report", report);
        model.addAttribute("asked", String.valueOf(chosen));
        model.addAttribute("allDeals", Viewer.of(user).seesAllDeals());
        model.addAttribute("rule", YearReport.RULE);
        model.addAttribute("provisional", YearReport.PROVISIONAL);
        model.addAttribute("names", personNames.namesOf(leadsOf(report)));
        return "portfolio/report";
    }

    @GetMapping("/portfolio/report.xlsx")
    ResponseEntity<byte[]> spreadsheet(@RequestParam(required = false) String year, Authentication user) {
        int chosen = yearReport.yearOf(year);
        YearReport.Report report = yearReport.of(chosen, onlyLead(user));
        byte[] file = YearReportWorkbook.write(report, personNames.namesOf(leadsOf(report)));
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("jaarverslag-%d.xlsx".formatted(chosen))
                                .build()
                                .toString())
                .body(file);
    }

    private static Set<String> leadsOf(YearReport.Report report) {
        Set<String> leads = new HashSet<>();
        report.deals().forEach(line -> leads.add(line.deal().getDealLead()));
        leads.remove(null);
        return leads;
    }

    private static String onlyLead(Authentication user) {
        Viewer viewer = Viewer.of(user);
        return viewer.seesAllDeals() ? null : viewer.userId();
    }
}
