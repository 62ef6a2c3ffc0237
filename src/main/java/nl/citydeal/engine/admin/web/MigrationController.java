package nl.citydeal.engine.admin.web;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.citydeal.engine.admin.MigrationAdministration;
import nl.citydeal.engine.admin.MigrationCheck;
import nl.citydeal.engine.admin.MigrationProgress;
import nl.citydeal.engine.admin.MigrationRequest;
import nl.citydeal.engine.admin.MigrationStarted;

/**
 * Moves running deals onto another process version. {@code dryRun} (the default) answers 200 with a verdict per
 * deal; {@code "dryRun": false} starts a batch and answers 202 with its progress at {@code Location}.
 */
@RestController
@RequestMapping("/api/admin/migrations")
class MigrationController {

    static final String DEFAULT_PROCESS = "city-deal";

    private final MigrationAdministration administration;

    MigrationController(MigrationAdministration administration) {
        this.administration = administration;
    }

    @PostMapping
    ResponseEntity<?> migrate(@Valid @RequestBody MigrationCommand command, Principal user) {
        if (command.isDryRun()) {
            List<MigrationCheck> checks = administration.dryRun(command.request(), user.getName());
            return ResponseEntity.ok(checks);
        }
        MigrationStarted started = administration.migrate(command.request(), user.getName());
        return ResponseEntity.accepted()
                .location(URI.create("/api/admin/migrations/" + started.batchId()))
                .body(started);
    }

    @GetMapping("/{batchId}")
    MigrationProgress progress(@PathVariable String batchId) {
        return administration.progress(batchId);
    }

    /** The request body: the process (default {@value #DEFAULT_PROCESS}), both versions, and whether to try only. */
    record MigrationCommand(
            @Size(max = 255) String processDefinitionKey,

            @NotNull(message = "De bronversie ontbreekt.") @Positive
            Integer sourceVersion,

            @NotNull(message = "De doelversie ontbreekt.") @Positive
            Integer targetVersion,

            Boolean dryRun) {

        boolean isDryRun() {
            return dryRun == null || dryRun;
        }

        MigrationRequest request() {
            String key = processDefinitionKey == null || processDefinitionKey.isBlank()
                    ? DEFAULT_PROCESS
                    : processDefinitionKey;
            return new MigrationRequest(key, sourceVersion, targetVersion);
        }
    }
}
