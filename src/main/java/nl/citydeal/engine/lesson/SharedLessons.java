package nl.citydeal.engine.lesson;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a deal lead shares when the deal closes (the share-lessons task): what worked and what did not, each as
 * paragraphs of text with the seed's lessons they are about, and whether the programme office alone may read them.
 */
public record SharedLessons(
        String dealId,
        String theme,
        String positive,
        Set<LessonTag> positiveTags,
        String negative,
        Set<LessonTag> negativeTags,
        boolean internal) {

    public SharedLessons {
        positiveTags = copy(positiveTags);
        negativeTags = copy(negativeTags);
    }

    private static Set<LessonTag> copy(Set<LessonTag> tags) {
        return Collections.unmodifiableSet(
                tags == null || tags.isEmpty() ? EnumSet.noneOf(LessonTag.class) : EnumSet.copyOf(tags));
    }
}
