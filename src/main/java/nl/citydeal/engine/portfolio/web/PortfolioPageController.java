package nl.citydeal.engine.portfolio.web;

import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.util.UriComponentsBuilder;

import nl.citydeal.engine.deal.DealPeople;
import nl.citydeal.engine.deal.DealPhase;
import nl.citydeal.engine.deal.ScalingIntent;
import nl.citydeal.engine.deal.Stalls;
import nl.citydeal.engine.dossier.DealDocuments;
import nl.citydeal.engine.dossier.DocumentKind;
import nl.citydeal.engine.portfolio.DealDossier;
import nl.citydeal.engine.portfolio.Portfolio;
import nl.citydeal.engine.portfolio.PortfolioQuery;
import nl.citydeal.engine.portfolio.ProcessPosition;
import nl.citydeal.engine.portfolio.SearchText;
import nl.citydeal.engine.system.InvalidInputException;
import nl.citydeal.engine.system.NotFoundException;
import nl.citydeal.engine.system.PersonNames;
import nl.citydeal.engine.system.web.Viewer;

/**
 * The start page: the portfolio overview (all deals for the programme office and administrators, a deal lead's
 * own otherwise), filtered and sorted by GET parameters; and a page per deal. A deal lead who asks for another
 * lead's deal gets the same 404 as for a deal that does not exist.
 */
@Controller
class PortfolioPageController {

    static final int MAX_TEXT = 200;
    /** History lines shown before "toon alles". */
    static final int HISTORY_SHOWN = 20;

    private final Portfolio portfolio;
    private final DealDossier dossier;
    private final ProcessPosition processPosition;
    private final DealDocuments documents;
    private final DealPeople people;
    private final PersonNames personNames;
    private final Stalls stalls;
    private final Clock clock;

    PortfolioPageController(
            Portfolio portfolio,
            DealDossier dossier,
            ProcessPosition processPosition,
            DealDocuments documents,
            DealPeople people,
            PersonNames personNames,
            Stalls stalls,
            Clock clock) {
        this.stalls = stalls;
        this.clock = clock;
        this.documents = documents;
        this.people = people;
        this.personNames = personNames;
        this.portfolio = portfolio;
        this.dossier = dossier;
        this.processPosition = processPosition;
    }

    @GetMapping("/")
    String overview(
            @RequestParam(required = false) String phase,
            @RequestParam(required = false) String theme,
            @RequestParam(required = false) String dealLead,
            @RequestParam(required = false) String scalingIntent,
            @RequestParam(required = false) String overdue,
            @RequestParam(required = false) String stalled,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String q,
            Authentication user,
            HttpServletResponse response,
            Model model) {
        Viewer viewer = Viewer.of(user);
        String onlyLead = viewer.seesAllDeals() ? null : viewer.userId();
        SearchText search = null;
        try {
            search = SearchText.parse(q).orElse(null);
        } catch (InvalidInputException e) {
            // the overview without the search, the Dutch reason beside the search field
            model.addAttribute("searchError", e.errors().get(SearchText.FIELD));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        PortfolioQuery query = new PortfolioQuery(
                phaseOf(phase).orElse(null),
                clip(theme),
                viewer.seesAllDeals() ? clip(dealLead) : null,
                intentOf(scalingIntent).orElse(null),
                "true".equals(overdue) || "on".equals(overdue),
                search,
                PortfolioQuery.Order.ofParameter(sort).orElse(PortfolioQuery.Order.NAME),
                "true".equals(stalled) || "on".equals(stalled));
        Portfolio.Overview overview;
        try {
            overview = portfolio.overview(query, onlyLead, pageNumber(page));
        } catch (InvalidInputException e) {
            // a search the database cannot search for (PostgreSQL: only words too common to search on)
            model.addAttribute("searchError", e.errors().get(SearchText.FIELD));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            overview = portfolio.overview(query.withoutSearch(), onlyLead, pageNumber(page));
        }
        model.addAttribute("overview", overview);
        model.addAttribute("query", query);
        model.addAttribute("searched", q == null ? "" : clip(q));
        model.addAttribute("maxMatches", Portfolio.MAX_MATCHES);
        model.addAttribute(
                "filtered",
                query.phase() != null
                        || query.theme() != null
                        || query.dealLead() != null
                        || query.scalingIntent() != null
                        || query.overdueOnly()
                        || query.stalledOnly()
                        || query.search() != null);
        model.addAttribute("phases", DealPhase.values());
        model.addAttribute("scalingIntents", ScalingIntent.values());
        model.addAttribute("orders", PortfolioQuery.Order.values());
        List<String> dealLeads = viewer.seesAllDeals() ? portfolio.dealLeads(null) : List.of();
        model.addAttribute("dealLeads", dealLeads);
        Set<String> shown = new HashSet<>(dealLeads);
        overview.lines().forEach(line -> shown.add(line.deal().getDealLead()));
        model.addAttribute("names", personNames.namesOf(shown));
        model.addAttribute("themes", portfolio.themes(onlyLead));
        model.addAttribute("sortLinks", sortLinks(query));
        model.addAttribute(
                "previousPage", overview.hasPrevious() ? link(query, query.order(), overview.page() - 1) : null);
        model.addAttribute("nextPage", overview.hasNext() ? link(query, query.order(), overview.page() + 1) : null);
        return "portfolio/overview";
    }

    @GetMapping("/deals/{id}")
    String deal(
            @PathVariable String id,
            @RequestParam(name = "geschiedenis", required = false) String history,
            @RequestParam(name = "soort", required = false) String kind,
            Authentication user,
            Model model) {
        Viewer viewer = Viewer.of(user);
        DealDossier.Dossier deal = dossier.of(id, viewer.seesAllDeals() ? null : viewer.userId());
        Optional<ProcessPosition.Diagram> position = processPosition.of(id);
        model.addAttribute("dossier", deal);
        model.addAttribute("deal", deal.deal());
        model.addAttribute("position", position.orElse(null));
        model.addAttribute("stall", stalls.of(deal.deal()).orElse(null));
        model.addAttribute("now", clock.instant());
        model.addAttribute(
                "mayUpload",
                DealDocuments.mayUpload(deal.deal().leads(), viewer.userId(), Viewer.inProgrammeOffice(user)));
        model.addAttribute("documentKinds", DocumentKind.values());
        model.addAttribute("selectedKind", DocumentKind.parse(kind).orElse(null));
        DealPeople.People dealPeople = people.of(id);
        model.addAttribute("people", dealPeople);
        model.addAttribute(
                "mayChangePeople", DealPeople.mayChange(deal.deal(), viewer.userId(), Viewer.inProgrammeOffice(user)));
        model.addAttribute("documentMaxSize", documents.maxSize());
        List<ProcessPosition.OpenTask> openTasks = position.isPresent() ? processPosition.openTasks(id) : List.of();
        model.addAttribute("openTasks", openTasks);
        model.addAttribute("names", personNames.namesOf(peopleOn(deal, dealPeople, openTasks)));
        boolean wholeHistory = "alles".equals(history);
        model.addAttribute("wholeHistory", wholeHistory);
        model.addAttribute("history", wholeHistory ? deal.history() : deal.latestHistory(HISTORY_SHOWN));
        return "portfolio/deal";
    }

    /** A page that is not there, or not the user's to see: a Dutch page with status 404. */
    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Authentication user, Model model) {
        model.addAttribute("navigation", Navigation.of(user, "/deals", personNames));
        return "portfolio/not-found";
    }

    /** Every user id the deal page shows, so their names are looked up at once. */
    private static Set<String> peopleOn(
            DealDossier.Dossier deal, DealPeople.People dealPeople, List<ProcessPosition.OpenTask> openTasks) {
        Set<String> ids = new HashSet<>();
        ids.add(deal.deal().getDealLead());
        ids.add(deal.deal().getProgrammeOfficeContact());
        ids.add(dealPeople.dealLead());
        ids.addAll(dealPeople.deputies());
        deal.timeline().forEach(entry -> ids.add(entry.prompt().getDoneBy()));
        deal.decisions().forEach(decision -> {
            ids.add(decision.getDecidedBy());
            ids.add(decision.getProposedBy());
        });
        deal.steps().forEach(phase -> phase.steps().forEach(step -> ids.add(step.getCompletedBy())));
        deal.documents().forEach(document -> ids.add(document.uploadedBy()));
        deal.history().forEach(line -> ids.add(line.who()));
        openTasks.forEach(task -> ids.add(task.assignee()));
        ids.remove(null);
        return ids;
    }

    /** The overview's URL in each order, with the current filters (from the first page). */
    private static Map<String, String> sortLinks(PortfolioQuery query) {
        Map<String, String> links = new LinkedHashMap<>();
        for (PortfolioQuery.Order order : PortfolioQuery.Order.values()) {
            links.put(order.parameter(), link(query, order, 0));
        }
        return links;
    }

    /** The overview's URL with the current filters, in an order, at a page (counted from 0, shown from 1). */
    private static String link(PortfolioQuery query, PortfolioQuery.Order order, int page) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/");
        if (query.phase() != null) {
            url.queryParam("phase", query.phase().name());
        }
        if (query.theme() != null) {
            url.queryParam("theme", query.theme());
        }
        if (query.dealLead() != null) {
            url.queryParam("dealLead", query.dealLead());
        }
        if (query.scalingIntent() != null) {
            url.queryParam("scalingIntent", query.scalingIntent().name());
        }
        if (query.overdueOnly()) {
            url.queryParam("overdue", "true");
        }
        if (query.stalledOnly()) {
            url.queryParam("stalled", "true");
        }
        if (query.search() != null) {
            url.queryParam("q", query.search().text());
        }
        url.queryParam("sort", order.parameter());
        if (page > 0) {
            url.queryParam("page", page + 1);
        }
        return url.encode().build().toUriString();
    }

    /** The page parameter counts from 1; anything else than a positive number is the first page. */
    private static int pageNumber(String page) {
        if (page == null || !page.matches("[1-9][0-9]{0,6}")) {
            return 0;
        }
        return Integer.parseInt(page) - 1;
    }

    private static Optional<DealPhase> phaseOf(String value) {
        return Arrays.stream(DealPhase.values())
                .filter(phase -> phase.name().equals(value))
                .findFirst();
    }

    private static Optional<ScalingIntent> intentOf(String value) {
        return Arrays.stream(ScalingIntent.values())
                .filter(intent -> intent.name().equals(value))
                .findFirst();
    }

    private static String clip(String value) {
        return value == null || value.length() <= MAX_TEXT ? value : value.substring(0, MAX_TEXT);
    }
}
