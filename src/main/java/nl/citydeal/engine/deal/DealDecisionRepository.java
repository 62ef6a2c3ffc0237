package nl.citydeal.engine.deal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DealDecisionRepository extends JpaRepository<DealDecision, Long> {

    List<DealDecision> findByDealIdOrderByDecidedAtAscIdAsc(String dealId);
}
