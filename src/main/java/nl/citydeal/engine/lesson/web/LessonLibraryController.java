package nl.citydeal.engine.lesson.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import nl.citydeal.engine.deal.ScalingRoute;
import nl.citydeal.engine.lesson.LessonHandbook;
import nl.citydeal.engine.lesson.LessonQuery;
import nl.citydeal.engine.lesson.LessonTag;
import nl.citydeal.engine.lesson.Lessons;
import nl.citydeal.engine.lesson.LibraryLesson;
import nl.citydeal.engine.prompt.PromptSchedule;
import nl.citydeal.engine.system.InvalidInputException;
import nl.citydeal.engine.system.csv.SpreadsheetCsv;

/**
 * The lessons library: every shared lesson the user may read ({@link Lessons}: a deal lead gets no internal lessons
 * of other deals), searched in the text and filtered by tag, theme, route and kind (GET parameters {@code text},
 * {@code tag}, {@code theme}, {@code route}, {@code kind}); a page per lesson; the same selection as CSV
 * ({@code /lessons.csv}) and as a printable handbook grouped by the seed's lessons ({@code /lessons/handbook}). A
 * filter value that is not one: the page with a Dutch message beside the field (400), the CSV as a 400 problem. A
 * lesson that does not exist or is not the user's to read: the Dutch not-found page (404).
 */
@Controller
class LessonLibraryController {

    static final String[] CSV_COLUMNS = {
        "Les",
        "Gedeeld op",
        "Deal",
        "Referentie",
        "Thema",
        "Fase",
        "Routes",
        "Soort",
        "Lessen uit het onderzoek",
        "Intern",
        "Tekst"
    };

    /** Lessons the library's page lists at most, newest first; the CSV and the handbook hold all it selects. */
    static final int MAX_SHOWN = 500;

    private final Lessons lessons;

    LessonLibraryController(Lessons lessons) {
        this.lessons = lessons;
    }

    @GetMapping("/lessons")
    String library(
            @RequestParam(required = false) String text,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String theme,
            @RequestParam(required = false) String route,
            @RequestParam(required = false) String kind,
            Authentication user,
            HttpServletResponse response,
            Model model) {
        String onlyLead = LibraryViewer.onlyLead(user);
        Optional<LessonQuery> query = query(text, tag, theme, route, kind, response, model);
        List<LibraryLesson> found = query.map(q -> lessons.search(q, onlyLead)).orElse(List.of());
        model.addAttribute("lessons", found.size() > MAX_SHOWN ? found.subList(0, MAX_SHOWN) : found);
        model.addAttribute("total", found.size());
        model.addAttribute("maxShown", MAX_SHOWN);
        model.addAttribute(
                "positiveCount",
                found.stream().filter(l -> l.lesson().isPositive()).count());
        model.addAttribute(
                "negativeCount",
                found.stream().filter(l -> !l.lesson().isPositive()).count());
        model.addAttribute("themes", lessons.themes(onlyLead));
        model.addAttribute("allDeals", onlyLead == null);
        model.addAttribute("onlyLead", onlyLead);
        query.ifPresent(q -> {
            model.addAttribute("csvLink", link("/lessons.csv", q));
            model.addAttribute("handbookLink", link("/lessons/handbook", q));
        });
        return "lessons/library";
    }

    @GetMapping("/lessons/handbook")
    String handbook(
            @RequestParam(required = false) String text,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String theme,
            @RequestParam(required = false) String route,
            @RequestParam(required = false) String kind,
            Authentication user,
            HttpServletResponse response,
            Model model) {
        String onlyLead = LibraryViewer.onlyLead(user);
        Optional<LessonQuery> query = query(text, tag, theme, route, kind, response, model);
        query.ifPresent(q -> {
            model.addAttribute("handbook", LessonHandbook.of(lessons.search(q, onlyLead), q.tag(), q.filters()));
            model.addAttribute("libraryLink", link("/lessons", q));
        });
        model.addAttribute("allDeals", onlyLead == null);
        return "lessons/handbook";
    }

    @GetMapping("/lessons/{id}")
    String lesson(@PathVariable String id, Authentication user, HttpServletResponse response, Model model) {
        Optional<LibraryLesson> lesson = id.matches("[0-9]{1,18}")
                ? lessons.find(Long.parseLong(id), LibraryViewer.onlyLead(user))
                : Optional.empty();
        if (lesson.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "lessons/not-found";
        }
        model.addAttribute("lesson", lesson.get());
        model.addAttribute("dealLinked", lesson.get().dealVisibleTo(LibraryViewer.onlyLead(user)));
        return "lessons/lesson";
    }

    @GetMapping("/lessons.csv")
    ResponseEntity<String> csv(
            @RequestParam(required = false) String text,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String theme,
            @RequestParam(required = false) String route,
            @RequestParam(required = false) String kind,
            Authentication user) {
        LessonQuery query = LessonQuery.parse(text, tag, theme, route, kind);
        SpreadsheetCsv csv = new SpreadsheetCsv(CSV_COLUMNS);
        for (LibraryLesson lesson : lessons.search(query, LibraryViewer.onlyLead(user))) {
            csv.row(
                    lesson.id(),
                    lesson.lesson().getRecordedAt().atZone(PromptSchedule.ZONE).toLocalDate(),
                    lesson.dealName(),
                    lesson.deal().getReference(),
                    lesson.lesson().getTheme(),
                    lesson.phaseLabel(),
                    lesson.routeLabels(),
                    lesson.lesson().isPositive() ? "positief" : "negatief",
                    lesson.tagLabels(),
                    lesson.lesson().isInternal() ? "ja" : "nee",
                    lesson.lesson().getText());
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("lessen.csv")
                                .build()
                                .toString())
                .body(csv.text());
    }

    /**
     * The query from the request, with the filter form's choices in the model; empty when a value is not one, then
     * with the Dutch messages per field ({@code errors}) and status 400.
     */
    private static Optional<LessonQuery> query(
            String text,
            String tag,
            String theme,
            String route,
            String kind,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("tags", LessonTag.values());
        model.addAttribute("routes", ScalingRoute.values());
        model.addAttribute("kinds", LessonQuery.Kind.values());
        model.addAttribute("asked", new Asked(clip(text), clip(tag), clip(theme), clip(route), clip(kind)));
        try {
            LessonQuery query = LessonQuery.parse(text, tag, theme, route, kind);
            model.addAttribute("query", query);
            model.addAttribute("errors", Map.of());
            return Optional.of(query);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("query", LessonQuery.ALL);
            model.addAttribute("errors", e.errors());
            return Optional.empty();
        }
    }

    /** What the user asked for, as the filter form shows it again (clipped). */
    record Asked(String text, String tag, String theme, String route, String kind) {}

    /** A page of the library with the query's filters. */
    static String link(String path, LessonQuery query) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
        if (query.text() != null) {
            url.queryParam("text", query.text());
        }
        if (query.tag() != null) {
            url.queryParam("tag", query.tag().name());
        }
        if (query.theme() != null) {
            url.queryParam("theme", query.theme());
        }
        if (query.route() != null) {
            url.queryParam("route", query.route().name());
        }
        if (query.kind() != LessonQuery.Kind.ALL) {
            url.queryParam("kind", query.kind().name());
        }
        return url.encode().build().toUriString();
    }

    private static String clip(String value) {
        return value == null || value.length() <= LessonQuery.MAX_TEXT
                ? value
                : value.substring(0, LessonQuery.MAX_TEXT);
    }
}
