package nl.citydeal.engine.deal;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which deals are stalled ({@link Stall}), for the overview, the deal page, the weekly digest and the prompt to the
 * programme office. Read from the registry in a few queries, whatever the number of deals.
 */
@Service
@Transactional(readOnly = true)
public class Stalls {

    private final DealRepository deals;
    private final DealDecisionRepository decisions;
    private final StallProperties rules;
    private final Clock clock;

    Stalls(DealRepository deals, DealDecisionRepository decisions, StallProperties rules, Clock clock) {
        this.deals = deals;
        this.decisions = decisions;
        this.rules = rules;
        this.clock = clock;
    }

    public StallProperties rules() {
        return rules;
    }

    /** The filter "only stalled deals" at the moment. */
    public StallCutoffs cutoffs(Instant now) {
        return StallCutoffs.at(now, rules);
    }

    /** The deal's stall now, if it is stalled. */
    public Optional<Stall> of(Deal deal) {
        return Optional.ofNullable(of(List.of(deal), clock.instant()).get(deal.getId()));
    }

    /** The stalls of these deals at the moment, by deal id (a deal that is not stalled is not in it). */
    public Map<String, Stall> of(Collection<Deal> some, Instant now) {
        List<String> inPreparation = some.stream()
                .filter(deal -> deal.getPhase() == DealPhase.PREPARATION)
                .map(Deal::getId)
                .toList();
        Map<String, DealDecision> latestReview = new HashMap<>();
        if (!inPreparation.isEmpty()) {
            decisions
                    .findByDealIdInAndKindOrderByDecidedAtAscIdAsc(inPreparation, DealDecision.Kind.PROPOSAL_REVIEWED)
                    .forEach(review -> latestReview.put(review.getDealId(), review));
        }
        Map<String, Stall> stalls = new LinkedHashMap<>();
        for (Deal deal : some) {
            DealDecision review = latestReview.get(deal.getId());
            Instant sentBackAt =
                    review != null && review.getOutcome() == ReviewOutcome.SEND_BACK ? review.getDecidedAt() : null;
            Stall.of(Stall.Facts.of(deal, sentBackAt), now, rules).ifPresent(stall -> stalls.put(deal.getId(), stall));
        }
        return stalls;
    }

    /** Every stalled deal at the moment (of those {@code onlyLead} leads, when set), by name. */
    public List<StalledDeal> all(Instant now, String onlyLead) {
        DealCriteria criteria = DealCriteria.ledBy(onlyLead).withStalled(cutoffs(now));
        List<Deal> stalled = deals.findAll(new DealSelection(criteria, now).specification(), Sort.by("name", "id"));
        Map<String, Stall> stalls = of(stalled, now);
        return stalled.stream()
                .filter(deal -> stalls.containsKey(deal.getId()))
                .map(deal -> new StalledDeal(deal, stalls.get(deal.getId())))
                .toList();
    }

    /** A stalled deal with its stall. */
    public record StalledDeal(Deal deal, Stall stall) {}
}
