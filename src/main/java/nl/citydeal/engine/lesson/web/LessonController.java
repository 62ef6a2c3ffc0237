package nl.citydeal.engine.lesson.web;

import java.time.Instant;
import java.util.List;
import jakarta.validation.constraints.Size;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.citydeal.engine.lesson.Lesson;
import nl.citydeal.engine.lesson.Lessons;

/** The lessons of every deal, positive and negative, searchable by theme and text. */
@RestController
@Validated
class LessonController {

    private final Lessons lessons;

    LessonController(Lessons lessons) {
        this.lessons = lessons;
    }

    @GetMapping("/api/lessons")
    List<LessonResponse> search(
            @RequestParam(required = false) @Size(max = 200) String theme,
            @RequestParam(required = false) @Size(max = 200) String text) {
        return lessons.search(theme, text).stream().map(LessonResponse::of).toList();
    }

    record LessonResponse(Long id, String dealId, String theme, String text, boolean positive, Instant recordedAt) {
        static LessonResponse of(Lesson l) {
            return new LessonResponse(
                    l.getId(), l.getDealId(), l.getTheme(), l.getText(), l.isPositive(), l.getRecordedAt());
        }
    }
}
