package nl.citydeal.engine.deal;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface DealRepository extends JpaRepository<Deal, String> {

    /** Prompt statuses that count as open, in JPQL. */
    String OPEN_PROMPT_STATUSES =
            "(nl.citydeal.engine.prompt.PromptStatus.PLANNED, nl.citydeal.engine.prompt.PromptStatus.DUE)";

    /**
     * The deals {@code d} by phase, theme (part of), lead, and whether a prompt is overdue (open and past its date),
     * with the parameters {@code phase, theme, dealLead, overdueOnly, now}; a null one does not filter. Shared with
     * the portfolio overview's queries.
     */
    String SELECTION = """
            from Deal d
            where (:phase is null or d.phase = :phase)
              and (:theme is null or lower(d.theme) like lower(concat('%', cast(:theme as string), '%')))
              and (:dealLead is null or d.dealLead = :dealLead)
              and (:overdueOnly = false or exists (
                    select p.id from Prompt p
                    where p.dealId = d.id and p.status in """ + OPEN_PROMPT_STATUSES + " and p.dueAt < :now))";

    /** Deals by phase, theme (part of), lead, and whether a prompt is overdue (open and past its date). */
    @Query("select d " + SELECTION)
    Page<Deal> search(
            @Param("phase") DealPhase phase,
            @Param("theme") String theme,
            @Param("dealLead") String dealLead,
            @Param("overdueOnly") boolean overdueOnly,
            @Param("now") Instant now,
            Pageable page);

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
