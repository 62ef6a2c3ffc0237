package nl.citydeal.engine.prompt;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PromptRepository extends JpaRepository<Prompt, Long> {

    List<Prompt> findByDealIdOrderByDueAtAscIdAsc(String dealId);

    List<Prompt> findByStatusInAndDueAtBefore(Collection<PromptStatus> statuses, Instant before);

    long countByStatus(PromptStatus status);

    List<Prompt> findByDealIdInAndStatusInOrderByDueAtAsc(Collection<String> dealIds, Collection<PromptStatus> statuses);
}
