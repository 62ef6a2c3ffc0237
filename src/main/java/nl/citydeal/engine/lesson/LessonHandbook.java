package nl.citydeal.engine.lesson;

import java.util.ArrayList;
import java.util.List;

/**
 * The lessons as a handbook for City Deal makers and leads: a chapter per lesson of the seed, in the seed's order,
 * with its description and the shared lessons tagged with it, what worked before what did not. A lesson with several
 * tags is in each of their chapters; lessons without a tag close the handbook in a chapter of their own. The whole
 * handbook has every chapter, also those without lessons yet; a selection (the library's filters) only the chapters
 * it has lessons for, and asked for one tag, that chapter only.
 */
public record LessonHandbook(List<Chapter> chapters, List<LibraryLesson> untagged) {

    /** A lesson of the seed with what the deals shared about it. */
    public record Chapter(LessonTag tag, List<LibraryLesson> positive, List<LibraryLesson> negative) {

        public int size() {
            return positive.size() + negative.size();
        }
    }

    /** The handbook of these lessons; {@code selection} when they are a search's, not every lesson. */
    public static LessonHandbook of(List<LibraryLesson> lessons, LessonTag only, boolean selection) {
        List<Chapter> chapters = new ArrayList<>();
        for (LessonTag tag : LessonTag.values()) {
            if (only != null && tag != only) {
                continue;
            }
            List<LibraryLesson> tagged =
                    lessons.stream().filter(l -> l.tags().contains(tag)).toList();
            if (selection && tagged.isEmpty()) {
                continue;
            }
            chapters.add(new Chapter(
                    tag,
                    tagged.stream().filter(l -> l.lesson().isPositive()).toList(),
                    tagged.stream().filter(l -> !l.lesson().isPositive()).toList()));
        }
        List<LibraryLesson> untagged = only != null
                ? List.of()
                : lessons.stream().filter(l -> l.tags().isEmpty()).toList();
        return new LessonHandbook(List.copyOf(chapters), untagged);
    }

    /** Whether the handbook holds no lesson at all. */
    public boolean isEmpty() {
        return untagged.isEmpty() && chapters.stream().allMatch(chapter -> chapter.size() == 0);
    }
}
