package nl.citydeal.engine.portfolio;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;

import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.DealPhase;
import nl.citydeal.engine.deal.DealRepository;

/**
 * The overview's questions to the database, one query each, whatever the number of deals: the deals of one page in
 * the chosen order, how many deals the filters select, the span of their terms and their overdue prompts.
 */
@Component
class OverviewQueries {

    private static final String OPEN = DealRepository.OPEN_PROMPT_STATUSES;
    private static final String SELECTED = DealRepository.SELECTION;
    private static final String BY_NAME = "lower(d.name), d.id";
    private static final String PHASE_ORDER = Arrays.stream(DealPhase.values())
            .map(phase -> "when nl.citydeal.engine.deal.DealPhase.%s then %d".formatted(phase.name(), phase.ordinal()))
            .collect(Collectors.joining(" ", "case d.phase ", " end"));

    private final EntityManager entityManager;

    OverviewQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The filters of the overview at a moment (for "overdue"). */
    record Selection(DealPhase phase, String theme, String dealLead, boolean overdueOnly, Instant now) {}

    /** The ids of the selected deals from {@code offset} on, at most {@code limit}, in the order. */
    List<String> ids(Selection selection, PortfolioQuery.Order order, int offset, int limit) {
        TypedQuery<String> query =
                entityManager.createQuery("select d.id " + SELECTED + " order by " + orderBy(order), String.class);
        return bind(query, selection)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    long count(Selection selection) {
        return bind(entityManager.createQuery("select count(d) " + SELECTED, Long.class), selection)
                .getSingleResult();
    }

    /** The earliest and latest dates of the selected deals' terms (none when no deal has a term). */
    List<LocalDate> termSpan(Selection selection) {
        Object[] span = (Object[]) bind(
                        entityManager.createQuery(
                                "select min(d.signedOn), max(d.signedOn), min(d.endsOn), max(d.endsOn) " + SELECTED),
                        selection)
                .getSingleResult();
        return Stream.of(span)
                .map(LocalDate.class::cast)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    /** The open prompts of the selected deals whose date has passed. */
    long overduePrompts(Selection selection) {
        return bind(
                        entityManager.createQuery(
                                "select count(p) from Prompt p where p.status in " + OPEN
                                        + " and p.dueAt < :now and p.dealId in (select d.id " + SELECTED + ")",
                                Long.class),
                        selection)
                .getSingleResult();
    }

    private static String orderBy(PortfolioQuery.Order order) {
        return switch (order) {
            case NAME -> BY_NAME;
            case PHASE -> PHASE_ORDER + ", " + BY_NAME;
            case END_DATE -> "d.endsOn asc nulls last, " + BY_NAME;
            case NEXT_PROMPT ->
                "(select min(p.dueAt) from Prompt p where p.dealId = d.id and p.status in " + OPEN
                        + ") asc nulls last, " + BY_NAME;
        };
    }

    private static <Q extends Query> Q bind(Q query, Selection selection) {
        query.setParameter("phase", selection.phase());
        query.setParameter("theme", selection.theme());
        query.setParameter("dealLead", selection.dealLead());
        query.setParameter("overdueOnly", selection.overdueOnly());
        query.setParameter("now", selection.now());
        return query;
    }
}
