package nl.citydeal.engine.lesson;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The lessons every deal shares when it closes, searchable across the portfolio. Failure yields lessons too. */
@Service
@Transactional
public class Lessons {

    private final LessonRepository lessons;

    public Lessons(LessonRepository lessons) {
        this.lessons = lessons;
    }

    /** Records what worked and what did not; each non-blank paragraph is one lesson. */
    public void share(String dealId, String theme, String positive, String negative, Instant at) {
        paragraphs(positive).forEach(text -> lessons.save(new Lesson(dealId, theme, text, true, at)));
        paragraphs(negative).forEach(text -> lessons.save(new Lesson(dealId, theme, text, false, at)));
    }

    @Transactional(readOnly = true)
    public List<Lesson> search(String theme, String text) {
        return lessons.search(blankToNull(theme), blankToNull(text));
    }

    @Transactional(readOnly = true)
    public List<Lesson> ofDeal(String dealId) {
        return lessons.findByDealIdOrderByRecordedAtAscIdAsc(dealId);
    }

    private static List<String> paragraphs(String text) {
        if (text == null) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split("\\R\\s*\\R"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> s.length() > 4000 ? s.substring(0, 4000) : s)
                .toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
