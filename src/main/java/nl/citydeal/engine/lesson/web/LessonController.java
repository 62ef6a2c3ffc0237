package nl.citydeal.engine.lesson.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.citydeal.engine.deal.ScalingRoute;
import nl.citydeal.engine.lesson.LessonQuery;
import nl.citydeal.engine.lesson.LessonTag;
import nl.citydeal.engine.lesson.Lessons;
import nl.citydeal.engine.lesson.LibraryLesson;

/**
 * The lessons of every deal, positive and negative, searchable by theme and text and filtered by tag, route and kind,
 * as the library shows them to the caller: a deal lead gets no internal lessons of other deals. An unknown filter
 * value or a text over 200 characters: a 400 problem with a Dutch message per parameter.
 */
@RestController
class LessonController {

    private final Lessons lessons;

    LessonController(Lessons lessons) {
        this.lessons = lessons;
    }

    @GetMapping("/api/lessons")
    List<LessonResponse> search(
            @RequestParam(required = false) String theme,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String route,
            @RequestParam(required = false) String kind,
            Authentication user) {
        LessonQuery query = LessonQuery.parse(text, tag, theme, route, kind);
        return lessons.search(query, LibraryViewer.onlyLead(user)).stream()
                .map(LessonResponse::of)
                .toList();
    }

    /**
     * A lesson: the fields the API had before the library (id, dealId, theme, text, positive, recordedAt) and the
     * library's (the deal's name, phase and routes, the tags, internal).
     */
    record LessonResponse(
            Long id,
            String dealId,
            String theme,
            String text,
            boolean positive,
            Instant recordedAt,
            String dealName,
            String phase,
            Set<ScalingRoute> routes,
            Set<LessonTag> tags,
            boolean internal) {
        static LessonResponse of(LibraryLesson l) {
            return new LessonResponse(
                    l.id(),
                    l.lesson().getDealId(),
                    l.lesson().getTheme(),
                    l.lesson().getText(),
                    l.lesson().isPositive(),
                    l.lesson().getRecordedAt(),
                    l.dealName(),
                    l.phase().name(),
                    l.routes(),
                    l.tags(),
                    l.lesson().isInternal());
        }
    }
}
