package nl.citydeal.engine.admin;

import java.util.List;

/**
 * What a changed prompt schedule does to the running deals: per deal whose prompts move, which move from when to
 * when, and how many prompts become overdue at once.
 */
public record PromptMoves(List<DealPromptMoves> deals, int overdueAtOnce) {

    public PromptMoves {
        deals = List.copyOf(deals);
    }

    public static PromptMoves of(List<DealPromptMoves> deals) {
        return new PromptMoves(deals, (int) deals.stream()
                .flatMap(deal -> deal.moves().stream())
                .filter(PromptMove::overdueAtOnce)
                .count());
    }

    public int moved() {
        return deals.stream().mapToInt(deal -> deal.moves().size()).sum();
    }
}
