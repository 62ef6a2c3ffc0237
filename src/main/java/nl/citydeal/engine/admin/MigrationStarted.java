package nl.citydeal.engine.admin;

import java.util.List;

/** A migration batch has started for {@code instances} deals; {@code skipped} lists the deals that cannot move. */
public record MigrationStarted(String batchId, int instances, List<MigrationCheck> skipped) {

    public MigrationStarted {
        skipped = List.copyOf(skipped);
    }
}
