package nl.citydeal.engine.admin;

import java.util.List;

/** The prompts of one running deal that a changed prompt schedule moves. */
public record DealPromptMoves(String dealId, String dealName, List<PromptMove> moves) {

    public DealPromptMoves {
        moves = List.copyOf(moves);
    }
}
