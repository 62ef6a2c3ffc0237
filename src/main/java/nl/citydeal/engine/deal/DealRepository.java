package nl.citydeal.engine.deal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface DealRepository extends JpaRepository<Deal, String>, JpaSpecificationExecutor<Deal> {

    /** Closed or abandoned deals that closed before the moment and still keep their case file, oldest first. */
    @Query("""
            select d.id from Deal d
            where d.phase in (nl.citydeal.engine.deal.DealPhase.CLOSED, nl.citydeal.engine.deal.DealPhase.ABANDONED)
              and d.recordsRemovedAt is null
              and coalesce(d.phaseEnteredAt, d.lastStepAt, d.registeredAt) < :before
            order by coalesce(d.phaseEnteredAt, d.lastStepAt, d.registeredAt), d.id""")
    List<String> closedBeforeWithRecords(@Param("before") Instant before, Pageable page);

    @Query("select d.reference from Deal d where d.id = :dealId")
    Optional<String> referenceOf(@Param("dealId") String dealId);

    /** Sets when the deal's earliest open prompt falls due, leaving the rest of the deal (and its version) alone. */
    @Modifying(flushAutomatically = true)
    @Query("update Deal d set d.nextPromptDueAt = :dueAt where d.id = :dealId")
    int setNextPromptDueAt(@Param("dealId") String dealId, @Param("dueAt") Instant dueAt);

    /** Sets when a step of the deal was last completed, leaving the rest of the deal (and its version) alone. */
    @Modifying(flushAutomatically = true)
    @Query("update Deal d set d.lastStepAt = :at where d.id = :dealId")
    int setLastStepAt(@Param("dealId") String dealId, @Param("at") Instant at);

    @Query("""
            select distinct d.dealLead from Deal d
            where d.dealLead is not null
              and (:ledBy is null or d.dealLead = :ledBy or :ledBy member of d.deputies) order by d.dealLead""")
    List<String> dealLeads(@Param("ledBy") String ledBy);

    /** The themes of the deals a user leads or is a deputy of (all deals for null), each once, in order. */
    @Query("""
            select distinct d.theme from Deal d
            where d.theme is not null
              and (:ledBy is null or d.dealLead = :ledBy or :ledBy member of d.deputies) order by d.theme""")
    List<String> themes(@Param("ledBy") String ledBy);

    /** Pairs of phase and number of deals in it (the deals a user leads or is a deputy of, when given). */
    @Query("""
            select d.phase, count(d) from Deal d
            where (:ledBy is null or d.dealLead = :ledBy or :ledBy member of d.deputies) group by d.phase""")
    List<Object[]> countPerPhase(@Param("ledBy") String ledBy);

    /** Pairs of scaling route and number of deals that chose it (the deals a user leads or is a deputy of, when given). */
    @Query("""
            select r, count(d) from Deal d join d.routes r
            where (:ledBy is null or d.dealLead = :ledBy or :ledBy member of d.deputies) group by r""")
    List<Object[]> countPerRoute(@Param("ledBy") String ledBy);
}
