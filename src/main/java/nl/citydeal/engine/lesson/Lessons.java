package nl.citydeal.engine.lesson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import jakarta.persistence.criteria.Predicate;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealRegistry;

/**
 * The lessons every deal shares when it closes, searchable across the portfolio (the lessons library). Failure
 * yields lessons too.
 *
 * <p>Who reads what: the programme office and administrators every lesson; a deal lead every lesson except the
 * internal ones (a deal shared them with the programme office only) of deals they neither lead nor deputise for. The
 * methods take that viewer as {@code onlyLead}: null for one who sees every deal, the deal lead's user id otherwise.
 */
@Service
@Transactional
public class Lessons {

    /** Deals read in one query: well under the databases' limits on parameters. */
    static final int DEAL_CHUNK = 500;

    private final LessonRepository lessons;
    private final DealRegistry registry;

    public Lessons(LessonRepository lessons, DealRegistry registry) {
        this.lessons = lessons;
        this.registry = registry;
    }

    /** Records what worked and what did not, untagged and for everyone; each non-blank paragraph is one lesson. */
    public void share(String dealId, String theme, String positive, String negative, Instant at) {
        share(new SharedLessons(dealId, theme, positive, Set.of(), negative, Set.of(), false), at);
    }

    /**
     * Records what the deal lead shared: each non-blank paragraph of the positive and the negative text is one
     * lesson, with the tags chosen for its side and the deal's choice to keep them internal.
     */
    public void share(SharedLessons shared, Instant at) {
        paragraphs(shared.positive())
                .forEach(text -> lessons.save(new Lesson(
                        shared.dealId(), shared.theme(), text, true, at, shared.positiveTags(), shared.internal())));
        paragraphs(shared.negative())
                .forEach(text -> lessons.save(new Lesson(
                        shared.dealId(), shared.theme(), text, false, at, shared.negativeTags(), shared.internal())));
    }

    /** The lessons the query selects that the viewer may read, newest first, each with its deal. */
    @Transactional(readOnly = true)
    public List<LibraryLesson> search(LessonQuery query, String onlyLead) {
        List<Lesson> found =
                lessons.findAll(specification(query), Sort.by(Sort.Order.desc("recordedAt"), Sort.Order.desc("id")));
        Map<String, Deal> deals = dealsOf(found);
        List<LibraryLesson> shown = new ArrayList<>();
        for (Lesson lesson : found) {
            Deal deal = deals.get(lesson.getDealId());
            if (deal != null
                    && readable(lesson, deal, onlyLead)
                    && (query.route() == null || deal.getRoutes().contains(query.route()))) {
                shown.add(new LibraryLesson(lesson, deal));
            }
        }
        return shown;
    }

    /** One lesson, if it exists and the viewer may read it; empty otherwise, as if it did not exist. */
    @Transactional(readOnly = true)
    public Optional<LibraryLesson> find(long id, String onlyLead) {
        return lessons.findById(id)
                .flatMap(lesson -> registry.getAll(List.of(lesson.getDealId())).stream()
                        .findFirst()
                        .filter(deal -> readable(lesson, deal, onlyLead))
                        .map(deal -> new LibraryLesson(lesson, deal)));
    }

    /** The themes of the lessons the viewer may read, in alphabetical order. */
    @Transactional(readOnly = true)
    public List<String> themes(String onlyLead) {
        Set<String> themes = new TreeSet<>();
        search(LessonQuery.ALL, onlyLead)
                .forEach(lesson -> themes.add(lesson.lesson().getTheme()));
        return List.copyOf(themes);
    }

    /** The lessons of one deal, in the order they were shared: for its page, which only its readers see. */
    @Transactional(readOnly = true)
    public List<Lesson> ofDeal(String dealId) {
        return lessons.findByDealIdOrderByRecordedAtAscIdAsc(dealId);
    }

    /**
     * The rule of who reads a lesson: anyone, unless it is internal; an internal one only a viewer who sees every
     * deal, or the lead or a deputy of its own deal (who wrote it).
     */
    static boolean readable(Lesson lesson, Deal deal, String onlyLead) {
        return !lesson.isInternal() || onlyLead == null || deal.isLedBy(onlyLead);
    }

    /** The deals of these lessons, read {@link #DEAL_CHUNK} at a time. */
    private Map<String, Deal> dealsOf(Collection<Lesson> found) {
        Map<String, Deal> deals = new HashMap<>();
        List<String> ids = found.stream().map(Lesson::getDealId).distinct().toList();
        for (int from = 0; from < ids.size(); from += DEAL_CHUNK) {
            registry.getAll(ids.subList(from, Math.min(ids.size(), from + DEAL_CHUNK)))
                    .forEach(deal -> deals.put(deal.getId(), deal));
        }
        return deals;
    }

    private static Specification<Lesson> specification(LessonQuery query) {
        return (root, criteria, builder) -> {
            List<Predicate> where = new ArrayList<>();
            if (query.text() != null) {
                where.add(builder.like(builder.lower(root.get("text")), containing(query.text()), '\\'));
            }
            if (query.theme() != null) {
                where.add(builder.like(builder.lower(root.get("theme")), containing(query.theme()), '\\'));
            }
            if (query.kind() != LessonQuery.Kind.ALL) {
                where.add(builder.equal(root.get("positive"), query.kind() == LessonQuery.Kind.POSITIVE));
            }
            if (query.tag() != null) {
                where.add(builder.isMember(query.tag(), root.get("tags")));
            }
            return builder.and(where.toArray(Predicate[]::new));
        };
    }

    /** A LIKE pattern for text anywhere, its own wildcards taken literally. */
    private static String containing(String text) {
        String escaped = text.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }

    private static List<String> paragraphs(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R\\s*\\R"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> s.length() > 4000 ? s.substring(0, 4000) : s)
                .toList();
    }
}
