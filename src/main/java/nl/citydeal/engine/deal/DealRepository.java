package nl.citydeal.engine.deal;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface DealRepository extends JpaRepository<Deal, String>, JpaSpecificationExecutor<Deal> {

    /** Sets when the deal's earliest open prompt falls due, leaving the rest of the deal (and its version) alone. */
    @Modifying(flushAutomatically = true)
    @Query("update Deal d set d.nextPromptDueAt = :dueAt where d.id = :dealId")
    int setNextPromptDueAt(@Param("dealId") String dealId, @Param("dueAt") Instant dueAt);

    @Query("""
            select distinct d.dealLead from Deal d
            where d.dealLead is not null and (:dealLead is null or d.dealLead = :dealLead) order by d.dealLead""")
    List<String> dealLeads(@Param("dealLead") String dealLead);

    /** Pairs of phase and number of deals in it (one lead's deals, when given). */
    @Query("select d.phase, count(d) from Deal d where (:dealLead is null or d.dealLead = :dealLead) group by d.phase")
    List<Object[]> countPerPhase(@Param("dealLead") String dealLead);

    /** Pairs of scaling route and number of deals that chose it (one lead's deals, when given). */
    @Query(
            "select r, count(d) from Deal d join d.routes r where (:dealLead is null or d.dealLead = :dealLead) group by r")
    List<Object[]> countPerRoute(@Param("dealLead") String dealLead);
}
