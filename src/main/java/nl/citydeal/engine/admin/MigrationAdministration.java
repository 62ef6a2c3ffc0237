package nl.citydeal.engine.admin;

import java.util.List;

import org.springframework.stereotype.Service;

import nl.citydeal.engine.system.NotFoundException;

/** Administrators move running deals onto another process version: a dry run first, then a batch. Audited. */
@Service
public class MigrationAdministration {

    private final Migrations migrations;
    private final AuditTrail audit;

    public MigrationAdministration(Migrations migrations, AuditTrail audit) {
        this.migrations = migrations;
        this.audit = audit;
    }

    /** Per running deal on the source version: can it move, and if not, why. Changes nothing. */
    public List<MigrationCheck> dryRun(MigrationRequest request, String actor) {
        List<MigrationCheck> checks = migrations.dryRun(request);
        long movable = checks.stream().filter(MigrationCheck::canMigrate).count();
        audit.record(
                actor,
                AuditAction.MIGRATE_DRY_RUN,
                "%s: %d van %d lopende deals kunnen over.".formatted(request, movable, checks.size()));
        return checks;
    }

    /** Starts moving every deal that can move; the others stay on the source version. */
    public MigrationStarted migrate(MigrationRequest request, String actor) {
        MigrationStarted started = migrations.start(request);
        audit.record(
                actor,
                AuditAction.MIGRATE,
                "%s: batch %s, %d deals; %d overgeslagen%s."
                        .formatted(
                                request,
                                started.batchId(),
                                started.instances(),
                                started.skipped().size(),
                                started.skipped().isEmpty()
                                        ? ""
                                        : " ("
                                                + String.join(
                                                        ", ",
                                                        started.skipped().stream()
                                                                .map(MigrationCheck::dealId)
                                                                .toList())
                                                + ")"));
        return started;
    }

    public MigrationProgress progress(String batchId) {
        return migrations
                .progress(batchId)
                .orElseThrow(() -> new NotFoundException("Migratie '%s' bestaat niet.".formatted(batchId)));
    }
}
