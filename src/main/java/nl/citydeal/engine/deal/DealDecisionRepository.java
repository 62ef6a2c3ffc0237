package nl.citydeal.engine.deal;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DealDecisionRepository extends JpaRepository<DealDecision, Long> {

    List<DealDecision> findByDealIdOrderByDecidedAtAscIdAsc(String dealId);

    /** The decisions of these deals, each deal's in the order they were taken (one query for many deals). */
    List<DealDecision> findByDealIdInOrderByDecidedAtAscIdAsc(Collection<String> dealIds);

    /** The decisions of one kind of these deals, in the order they were taken. */
    List<DealDecision> findByDealIdInAndKindOrderByDecidedAtAscIdAsc(
            Collection<String> dealIds, DealDecision.Kind kind);
}
