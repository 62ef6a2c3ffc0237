package nl.citydeal.engine.deal;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * When each deal's earliest open prompt falls due, as the prompt feature tells it after any prompt of the deal
 * changed, in the same transaction. The deal list filters "overdue" and orders by "next prompt" on it.
 */
@Component
@Transactional
public class NextPromptDates {

    private final DealRepository deals;

    NextPromptDates(DealRepository deals) {
        this.deals = deals;
    }

    /** The deal's earliest open prompt falls due at that moment now (none: null). */
    public void changed(String dealId, Instant nextOpenPromptDueAt) {
        deals.setNextPromptDueAt(dealId, nextOpenPromptDueAt);
    }
}
