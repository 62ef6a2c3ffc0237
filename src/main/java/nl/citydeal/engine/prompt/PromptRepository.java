package nl.citydeal.engine.prompt;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PromptRepository extends JpaRepository<Prompt, Long> {

    List<Prompt> findByDealIdOrderByDueAtAscIdAsc(String dealId);

    List<Prompt> findByStatusInAndDueAtBefore(Collection<PromptStatus> statuses, Instant before);

    long countByStatus(PromptStatus status);

    List<Prompt> findByDealIdInAndStatusInOrderByDueAtAsc(
            Collection<String> dealIds, Collection<PromptStatus> statuses);

    /** Prompts in one of the statuses falling due in [from, to), of one lead's deals when given. */
    @Query("""
            select count(p) from Prompt p
            where p.status in :statuses and p.dueAt >= :from and p.dueAt < :to
              and (:dealLead is null or exists (select d.id from Deal d where d.id = p.dealId and d.dealLead = :dealLead))""")
    long countDueBetween(
            @Param("statuses") Collection<PromptStatus> statuses,
            @Param("from") Instant from,
            @Param("to") Instant to,
            @Param("dealLead") String dealLead);

    /** Prompts in one of the statuses whose date is before the moment, of one lead's deals when given. */
    @Query("""
            select count(p) from Prompt p
            where p.status in :statuses and p.dueAt < :before
              and (:dealLead is null or exists (select d.id from Deal d where d.id = p.dealId and d.dealLead = :dealLead))""")
    long countDueBefore(
            @Param("statuses") Collection<PromptStatus> statuses,
            @Param("before") Instant before,
            @Param("dealLead") String dealLead);
}
