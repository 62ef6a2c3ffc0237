package nl.citydeal.engine.prompt.notify;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

import nl.citydeal.engine.deal.Stall;

public interface StallEscalationRepository extends JpaRepository<StallEscalation, Long> {

    boolean existsByDealIdAndReasonAndSince(String dealId, Stall.Reason reason, Instant since);

    List<StallEscalation> findByDealIdOrderByEscalatedAtAsc(String dealId);
}
