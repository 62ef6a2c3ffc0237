package nl.citydeal.engine.prompt;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PromptRepository extends JpaRepository<Prompt, Long> {

    List<Prompt> findByDealIdOrderByDueAtAscIdAsc(String dealId);

    List<Prompt> findByDealIdInOrderByDueAtAscIdAsc(Collection<String> dealIds);

    List<Prompt> findByStatusInAndDueAtBefore(Collection<PromptStatus> statuses, Instant before);

    long countByStatus(PromptStatus status);

    List<Prompt> findByDealIdInAndStatusInOrderByDueAtAsc(
            Collection<String> dealIds, Collection<PromptStatus> statuses);

    /** The deal's earliest prompt in one of the statuses. */
    Optional<Prompt> findFirstByDealIdAndStatusInOrderByDueAtAsc(String dealId, Collection<PromptStatus> statuses);
}
