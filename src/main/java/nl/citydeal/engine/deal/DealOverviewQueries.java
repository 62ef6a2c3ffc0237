package nl.citydeal.engine.deal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Root;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The overview's questions to the deals, one query each, whatever the number of deals: the ids of one page in the
 * chosen order, how many deals the selection holds, and the span of their terms.
 */
@Component
@Transactional(readOnly = true)
public class DealOverviewQueries {

    private final EntityManager entityManager;

    DealOverviewQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The ids of the selected deals from {@code offset} on, at most {@code limit}, in the order. */
    public List<String> ids(DealSelection selection, DealOrder order, int offset, int limit) {
        CriteriaBuilder builder = entityManager.getCriteriaBuilder();
        CriteriaQuery<String> query = builder.createQuery(String.class);
        Root<Deal> deal = query.from(Deal.class);
        query.select(deal.get("id"))
                .where(selection.predicates(deal, query, builder))
                .orderBy(orderBy(order, deal, builder));
        return entityManager
                .createQuery(query)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    public long count(DealSelection selection) {
        CriteriaBuilder builder = entityManager.getCriteriaBuilder();
        CriteriaQuery<Long> query = builder.createQuery(Long.class);
        Root<Deal> deal = query.from(Deal.class);
        query.select(builder.count(deal)).where(selection.predicates(deal, query, builder));
        return entityManager.createQuery(query).getSingleResult();
    }

    /** The earliest and latest dates of the selected deals' terms (none when no deal has a term). */
    public List<LocalDate> termSpan(DealSelection selection) {
        CriteriaBuilder builder = entityManager.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = builder.createTupleQuery();
        Root<Deal> deal = query.from(Deal.class);
        Expression<LocalDate> signedOn = deal.get("signedOn");
        Expression<LocalDate> endsOn = deal.get("endsOn");
        query.multiselect(
                        builder.least(signedOn),
                        builder.greatest(signedOn),
                        builder.least(endsOn),
                        builder.greatest(endsOn))
                .where(selection.predicates(deal, query, builder));
        Tuple span = entityManager.createQuery(query).getSingleResult();
        return Stream.of(span.toArray())
                .map(LocalDate.class::cast)
                .filter(Objects::nonNull)
                .toList();
    }

    private static List<Order> orderBy(DealOrder order, Root<Deal> deal, CriteriaBuilder builder) {
        List<Order> orders = new ArrayList<>();
        switch (order) {
            case NAME -> {}
            case PHASE -> {
                CriteriaBuilder.SimpleCase<DealPhase, Integer> rank = builder.selectCase(deal.get("phase"));
                for (DealPhase phase : DealPhase.values()) {
                    rank.when(phase, phase.ordinal());
                }
                orders.add(builder.asc(rank));
            }
            case END_DATE -> orders.addAll(nullsLast(deal.get("endsOn"), builder));
            case NEXT_PROMPT -> orders.addAll(nullsLast(deal.get("nextPromptDueAt"), builder));
        }
        orders.add(builder.asc(builder.lower(deal.get("name"))));
        orders.add(builder.asc(deal.get("id")));
        return orders;
    }

    /** Ascending, with the deals that have no value after those that have one (on H2 and PostgreSQL alike). */
    private static List<Order> nullsLast(Expression<?> value, CriteriaBuilder builder) {
        return List.of(
                builder.asc(builder.selectCase().when(builder.isNull(value), 1).otherwise(0)), builder.asc(value));
    }
}
