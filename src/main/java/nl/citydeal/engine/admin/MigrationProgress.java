package nl.citydeal.engine.admin;

/**
 * How far a migration batch is: of {@code total} deals, {@code completed} moved and {@code failed} failed;
 * {@code done} once the batch has finished.
 */
public record MigrationProgress(String batchId, int total, int completed, int failed, boolean done) {}
