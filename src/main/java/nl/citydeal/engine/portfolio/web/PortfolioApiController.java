package nl.citydeal.engine.portfolio.web;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealPhase;
import nl.citydeal.engine.deal.ScalingIntent;
import nl.citydeal.engine.deal.ScalingRoute;
import nl.citydeal.engine.portfolio.Portfolio;
import nl.citydeal.engine.portfolio.PortfolioQuery;
import nl.citydeal.engine.portfolio.SearchHit;
import nl.citydeal.engine.portfolio.SearchText;
import nl.citydeal.engine.prompt.PromptSchedule;
import nl.citydeal.engine.system.PersonNames;
import nl.citydeal.engine.system.csv.SpreadsheetCsv;
import nl.citydeal.engine.system.web.Viewer;

/**
 * The portfolio in numbers, and as a CSV export in the import's own columns plus where each deal stands, what it means
 * to scale and its publication in the Staatscourant (the last two read back by the import); each line starts with the
 * deal's reference (CD-2026-014), which the import does not read back: an imported deal gets a reference of its own.
 */
@RestController
class PortfolioApiController {

    static final String[] EXPORT_COLUMNS = {
        "reference",
        "name",
        "theme",
        "signed_on",
        "ends_on",
        "lead",
        "deal_lead",
        "phase",
        "next_prompt",
        "next_prompt_due",
        "overdue_prompts",
        "routes",
        "scaling_intent",
        "staatscourant"
    };

    private final Portfolio portfolio;
    private final PersonNames names;

    PortfolioApiController(Portfolio portfolio, PersonNames names) {
        this.portfolio = portfolio;
        this.names = names;
    }

    @GetMapping("/api/portfolio")
    Portfolio.Summary summary(Authentication user) {
        return portfolio.summary(onlyLead(user));
    }

    /**
     * The deals (a deal lead's own only) one of whose texts matches {@code q}, {@link Portfolio#PAGE_SIZE} a page in
     * the order of their names, each with where it matched: the snippet as text and in parts, the matching parts
     * marked. A search that is empty, too long or without a letter or digit is a 400 problem in Dutch.
     */
    @GetMapping("/api/portfolio/search")
    SearchResults search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false, defaultValue = "1") int page,
            Authentication user) {
        SearchText search = new SearchText(q);
        Portfolio.Overview overview =
                portfolio.overview(PortfolioQuery.searching(search), onlyLead(user), Math.max(page, 1) - 1);
        PersonNames.Names leads = names.namesOf(
                overview.lines().stream().map(line -> line.deal().getDealLead()).toList());
        return new SearchResults(
                search.text(),
                overview.total(),
                overview.page() + 1,
                overview.pages(),
                overview.capped(),
                overview.lines().stream()
                        .map(line -> SearchResult.of(
                                line.deal(),
                                leads,
                                overview.hits().get(line.deal().getId())))
                        .toList());
    }

    /** A page of search results: which page (from 1) of how many, of how many deals. */
    record SearchResults(String q, long total, int page, int pages, boolean capped, List<SearchResult> results) {}

    /** A deal that matched, and where. */
    record SearchResult(
            String id,
            String name,
            String theme,
            DealPhase phase,
            String dealLead,
            String dealLeadName,
            String source,
            String snippet,
            List<SearchHit.Part> parts) {

        static SearchResult of(Deal deal, PersonNames.Names leads, SearchHit hit) {
            return new SearchResult(
                    deal.getId(),
                    deal.getName(),
                    deal.getTheme(),
                    deal.getPhase(),
                    deal.getDealLead(),
                    leads.of(deal.getDealLead()),
                    hit == null ? null : hit.source(),
                    hit == null ? null : hit.snippet(),
                    hit == null ? List.of() : hit.parts());
        }
    }

    @GetMapping("/api/portfolio.csv")
    ResponseEntity<String> export(Authentication user) {
        SpreadsheetCsv csv = new SpreadsheetCsv(EXPORT_COLUMNS);
        for (Portfolio.DealLine line : portfolio.lines(onlyLead(user))) {
            Deal deal = line.deal();
            csv.row(
                    deal.getReference(),
                    deal.getName(),
                    deal.getTheme(),
                    deal.getSignedOn(),
                    deal.getEndsOn(),
                    deal.getLeadOrganisation(),
                    deal.getDealLead(),
                    deal.getPhase(),
                    line.nextPrompt() == null ? null : line.nextPrompt().getKind(),
                    line.nextPrompt() == null
                            ? null
                            : line.nextPrompt()
                                    .getDueAt()
                                    .atZone(PromptSchedule.ZONE)
                                    .toLocalDate(),
                    line.overduePrompts(),
                    deal.getRoutes().stream().map(ScalingRoute::name).collect(Collectors.joining(" ")),
                    deal.getScalingIntents().stream().map(ScalingIntent::name).collect(Collectors.joining(" ")),
                    deal.getStaatscourant() == null
                            ? null
                            : deal.getStaatscourant().label());
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"city-deals-portfolio.csv\"")
                .body(csv.text());
    }

    private static String onlyLead(Authentication user) {
        Viewer viewer = Viewer.of(user);
        return viewer.seesAllDeals() ? null : viewer.userId();
    }
}
