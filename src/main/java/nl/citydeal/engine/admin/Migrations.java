package nl.citydeal.engine.admin;

import java.util.List;
import java.util.Optional;

/**
 * Moves running deals from one version of a process onto another: activities map by equal ids, timers are
 * re-evaluated on the target version and the prompts of every moved deal are planned again with the prompt
 * schedule as it is deployed now.
 */
public interface Migrations {

    /**
     * Tries the migration of every deal running on the source version without changing anything: per deal,
     * whether it can move and, if not, why. Unknown versions raise an {@link InvalidMigrationException}.
     */
    List<MigrationCheck> dryRun(MigrationRequest request);

    /** Starts moving every deal that can move, as a batch; deals that cannot move stay where they are. */
    MigrationStarted start(MigrationRequest request);

    /** The progress of a migration batch; empty for an unknown id. */
    Optional<MigrationProgress> progress(String batchId);
}
