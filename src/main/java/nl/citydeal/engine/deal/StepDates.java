package nl.citydeal.engine.deal;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * When each deal's last step (a user task) was completed, as the deal's engine glue tells it in the transaction that
 * completes the step. A proposal sent back counts as revised once a step is completed after it ({@link Stalls}).
 */
@Component
@Transactional
public class StepDates {

    private final DealRepository deals;

    StepDates(DealRepository deals) {
        this.deals = deals;
    }

    /** A step of the deal was completed at that moment. */
    public void completed(String dealId, Instant at) {
        deals.setLastStepAt(dealId, at);
    }
}
