package nl.citydeal.engine.deal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The readable references of deals: {@code CD-<year>-<nnn>}, the year the deal was registered in (Dutch time) and the
 * next number of that year, three digits at least (CD-2026-001, ..., CD-2026-999, CD-2026-1000). A number is taken in
 * the registration's transaction under the row lock of its year in {@code deal_reference_counter}: two registrations
 * at the same moment, on one node or two, wait for each other and get two numbers; a registration that rolls back
 * gives its number back with it, one that commits never has it reused. A year's first registration creates the year's
 * row while it holds the lock of the row of year 0, so that two nodes never both create it.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class DealReferences {

    private static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");

    private final EntityManager entityManager;
    private final DealRepository deals;

    public DealReferences(EntityManager entityManager, DealRepository deals) {
        this.entityManager = entityManager;
        this.deals = deals;
    }

    /** The reference of a deal registered at {@code registeredAt}: the next number of its year, taken for good. */
    String next(Instant registeredAt) {
        int year = registeredAt.atZone(DUTCH_TIME).getYear();
        if (increment(year) == 0) {
            lockRow(0);
            if (increment(year) == 0) {
                entityManager
                        .createNativeQuery(
                                "insert into deal_reference_counter (reference_year, last_number) values (?1, 1)")
                        .setParameter(1, year)
                        .executeUpdate();
            }
        }
        Number number = (Number) entityManager
                .createNativeQuery("select last_number from deal_reference_counter where reference_year = ?1")
                .setParameter(1, year)
                .getSingleResult();
        return format(year, number.intValue());
    }

    /** {@code CD-2026-014}: the year and the number, with at least three digits. */
    static String format(int year, int number) {
        return "CD-%d-%03d".formatted(year, number);
    }

    /** The reference of the deal with this id; null when there is no such deal. */
    @Transactional(readOnly = true)
    public String of(String dealId) {
        return deals.referenceOf(dealId).orElse(null);
    }

    /** The references of the deals with these ids (those that exist), by id. */
    @Transactional(readOnly = true)
    public Map<String, String> of(Collection<String> dealIds) {
        Map<String, String> references = new HashMap<>();
        deals.findAllById(Set.copyOf(dealIds)).forEach(deal -> references.put(deal.getId(), deal.getReference()));
        return references;
    }

    private int increment(int year) {
        return entityManager
                .createNativeQuery("update deal_reference_counter set last_number = last_number + 1"
                        + " where reference_year = ?1")
                .setParameter(1, year)
                .executeUpdate();
    }

    private void lockRow(int year) {
        entityManager
                .createNativeQuery(
                        "select last_number from deal_reference_counter where reference_year = ?1 for update")
                .setParameter(1, year)
                .getResultList();
    }
}
