package nl.citydeal.engine.portfolio.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import nl.citydeal.engine.portfolio.BarChart;
import nl.citydeal.engine.portfolio.PhaseHistory;
import nl.citydeal.engine.portfolio.PortfolioCharts;
import nl.citydeal.engine.portfolio.ReadinessGrid;
import nl.citydeal.engine.portfolio.ReadinessGrid.Column;
import nl.citydeal.engine.portfolio.ReadinessGrid.SortKey;
import nl.citydeal.engine.portfolio.ScalingReadiness;
import nl.citydeal.engine.system.web.Viewer;

/**
 * Two tabs of the portfolio: the scaling readiness of every deal as a grid ({@code /portfolio/readiness}, sorted by
 * {@code ?sort=&dir=asc|desc}, filtered by {@code ?item=&status=}) with the share of deals meeting each item per
 * signing year, and the portfolio in charts ({@code /portfolio/charts}). The programme office and administrators see
 * every deal, a deal lead the deals they lead or are a deputy of. A sort or filter that is not one gets a Dutch
 * message (400) and the grid in its default order, unfiltered.
 */
@Controller
class PortfolioInsightController {

    static final String BAD_SORT = "Op die kolom kan niet worden gesorteerd; de deals staan op naam.";
    static final String BAD_FILTER =
            "Dat filter bestaat niet (kies een onderdeel en een antwoord); alle deals worden getoond.";

    private final ReadinessGrid readinessGrid;
    private final PortfolioCharts charts;

    PortfolioInsightController(ReadinessGrid readinessGrid, PortfolioCharts charts) {
        this.readinessGrid = readinessGrid;
        this.charts = charts;
    }

    @GetMapping("/portfolio/readiness")
    String readiness(
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            @RequestParam(required = false) String item,
            @RequestParam(required = false) String status,
            Authentication user,
            HttpServletResponse response,
            Model model) {
        List<String> problems = new ArrayList<>();
        SortKey key = SortKey.NAME;
        boolean ascending = true;
        if (sort != null && !sort.isBlank()) {
            Optional<SortKey> asked = SortKey.ofParameter(sort);
            if (asked.isPresent() && (dir == null || dir.equals("asc") || dir.equals("desc"))) {
                key = asked.get();
                ascending = !"desc".equals(dir);
            } else {
                problems.add(BAD_SORT);
            }
        }
        Column column = null;
        ScalingReadiness.Status answer = null;
        boolean filterAsked = (item != null && !item.isBlank()) || (status != null && !status.isBlank());
        if (filterAsked) {
            Optional<Column> askedItem = Column.ofParameter(item);
            Optional<ScalingReadiness.Status> askedStatus = ReadinessGrid.statusOf(status);
            if (askedItem.isPresent() && askedStatus.isPresent()) {
                column = askedItem.get();
                answer = askedStatus.get();
            } else {
                problems.add(BAD_FILTER);
            }
        }
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        ReadinessGrid.Query query = new ReadinessGrid.Query(key, ascending, column, answer);
        ReadinessGrid.Grid grid = readinessGrid.of(onlyLead(user), query);
        // keyed by the columns' parameters: the templates' expressions index maps by strings
        Map<String, BarChart> shareCharts = new LinkedHashMap<>();
        Map<String, String> questions = new LinkedHashMap<>();
        Map<String, List<ReadinessGrid.Share>> shares = new LinkedHashMap<>();
        Map<Column, List<ReadinessGrid.Share>> sharesByColumn = grid.shares();
        Map<Column, String> questionsByColumn = grid.questions();
        for (Column each : Column.values()) {
            shareCharts.put(each.parameter(), grid.shareChart(each));
            questions.put(each.parameter(), questionsByColumn.get(each));
            shares.put(each.parameter(), sharesByColumn.get(each));
        }
        model.addAttribute("grid", grid);
        model.addAttribute("rows", grid.rows());
        model.addAttribute("query", query);
        model.addAttribute("columns", Column.values());
        model.addAttribute("questions", questions);
        model.addAttribute("shares", shares);
        model.addAttribute("shareCharts", shareCharts);
        model.addAttribute("statuses", ScalingReadiness.Status.values());
        model.addAttribute("sortLinks", sortLinks(query));
        model.addAttribute("ariaSort", ariaSort(query));
        model.addAttribute("problems", problems);
        model.addAttribute("allDeals", Viewer.of(user).seesAllDeals());
        return "portfolio/readiness";
    }

    @GetMapping("/portfolio/charts")
    String charts(Authentication user, Model model) {
        model.addAttribute("charts", charts.of(onlyLead(user)));
        model.addAttribute("phaseBasis", PhaseHistory.BASIS);
        model.addAttribute("allDeals", Viewer.of(user).seesAllDeals());
        return "portfolio/charts";
    }

    /**
     * Per sort key, the grid's URL sorted by it with the current filter: ascending, or descending when it is sorted by
     * that key ascending already.
     */
    static Map<String, String> sortLinks(ReadinessGrid.Query query) {
        Map<String, String> links = new LinkedHashMap<>();
        for (SortKey key : SortKey.values()) {
            boolean ascending = !(query.sort() == key && query.ascending());
            UriComponentsBuilder url = UriComponentsBuilder.fromPath("/portfolio/readiness")
                    .queryParam("sort", key.parameter())
                    .queryParam("dir", ascending ? "asc" : "desc");
            if (query.filtered()) {
                url.queryParam("item", query.item().parameter())
                        .queryParam("status", query.status().css());
            }
            links.put(key.parameter(), url.build().toUriString());
        }
        return links;
    }

    /** The aria-sort of each column's header: "ascending" or "descending" for the sorted one, "none" otherwise. */
    static Map<String, String> ariaSort(ReadinessGrid.Query query) {
        Map<String, String> sorts = new LinkedHashMap<>();
        for (SortKey key : SortKey.values()) {
            sorts.put(key.parameter(), query.sort() != key ? "none" : query.ascending() ? "ascending" : "descending");
        }
        return sorts;
    }

    private static String onlyLead(Authentication user) {
        Viewer viewer = Viewer.of(user);
        return viewer.seesAllDeals() ? null : viewer.userId();
    }
}
