package nl.citydeal.engine.admin;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import nl.citydeal.engine.prompt.PromptSchedule;

/**
 * Administrators deploy changed models and forms while the engine runs. Every upload is checked as a whole
 * before anything is stored; a refused upload deploys nothing. Each deployment and each refusal is audited.
 */
@Service
public class ModelAdministration {

    static final int MAX_FILES = 100;
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}\\.(bpmn|dmn|form)");

    /** How long the differences may be in an audit entry (which holds {@value AuditEntry#MAX_DETAILS}). */
    static final int MAX_AUDITED_CHANGES = 2500;

    private final DeploymentValidator validator;
    private final DeployedModels models;
    private final AuditTrail audit;
    private final ModelDiffs diffs;
    private final PromptScheduleChanges scheduleChanges;
    private final TransactionTemplate transaction;

    public ModelAdministration(
            DeploymentValidator validator,
            DeployedModels models,
            AuditTrail audit,
            ModelDiffs diffs,
            PromptScheduleChanges scheduleChanges,
            PlatformTransactionManager transactionManager) {
        this.validator = validator;
        this.models = models;
        this.audit = audit;
        this.diffs = diffs;
        this.scheduleChanges = scheduleChanges;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * What the upload would do, with nothing stored and nothing audited: the validation and policy result the
     * upload would give, each file's differences against its deployed version and, for a changed prompt schedule,
     * which prompts of the running deals would move.
     *
     * @throws InvalidUploadException for no files, a file of another kind, twice or empty, or a file that is no
     *     readable XML or JSON: what cannot be compared at all
     */
    public ModelReview review(List<ModelFile> files) {
        Map<String, String> refused = checkFiles(files);
        if (!refused.isEmpty()) {
            throw new InvalidUploadException(refused);
        }
        return transaction.execute(status -> {
            status.setRollbackOnly();
            List<FileDiff> compared = compare(files);
            Map<String, String> errors = validator.validate(files);
            PromptMoves preview = null;
            for (int i = 0; i < files.size() && preview == null; i++) {
                ModelFile file = files.get(i);
                if (file.isDmn()
                        && !errors.containsKey(file.fileName())
                        && compared.get(i).status() != FileDiff.Status.UNCHANGED) {
                    preview = scheduleChanges.preview(file.content()).orElse(null);
                }
            }
            return new ModelReview(errors.isEmpty(), errors, compared, preview);
        });
    }

    /**
     * Checks and deploys the files as one new version; answers what was deployed (nothing when no file changed).
     *
     * @throws InvalidUploadException when any file is refused; nothing is deployed then
     */
    public DeploymentSummary upload(List<ModelFile> files, String actor) {
        Map<String, String> errors = checkFiles(files);
        if (errors.isEmpty()) {
            errors = validator.validate(files);
        }
        if (!errors.isEmpty()) {
            throw refused(actor, files, new InvalidUploadException(errors));
        }
        try {
            return transaction.execute(status -> {
                List<FileDiff> compared = compare(files);
                DeploymentSummary deployed = models.deploy(files);
                if (deployed.changed()) {
                    String moved = deployed.decisionVersions().stream()
                            .filter(version -> PromptSchedule.DECISION_KEY.equals(version.key()))
                            .findFirst()
                            .map(version -> describe(scheduleChanges.apply(
                                    actor, label(version.key(), version.version(), version.versionTag()))))
                            .orElse("");
                    audit.record(actor, AuditAction.DEPLOY, describe(files, deployed) + describe(compared) + moved);
                }
                return deployed;
            });
        } catch (InvalidUploadException e) {
            throw refused(actor, files, e);
        }
    }

    /** Each file's differences against the deployed version of the same file (by file name). */
    private List<FileDiff> compare(List<ModelFile> files) {
        Map<String, byte[]> deployed = new HashMap<>();
        models.currentResources()
                .forEach((name, content) -> deployed.put(name.substring(name.lastIndexOf('/') + 1), content));
        return files.stream()
                .map(file -> diffs.diff(file, deployed.get(file.fileName())))
                .toList();
    }

    /** The differences for the audit, bounded: each changed element on one line, per file. */
    static String describe(List<FileDiff> compared) {
        StringBuilder text = new StringBuilder();
        for (FileDiff file : compared) {
            if (file.status() == FileDiff.Status.UNCHANGED) {
                continue;
            }
            text.append(" Wijzigingen in ").append(file.fileName());
            text.append(file.status() == FileDiff.Status.NEW ? " (nieuw): " : ": ");
            text.append(
                    file.changes().isEmpty()
                            ? "geen inhoudelijke"
                            : file.changes().stream()
                                    .map(change -> file.status() == FileDiff.Status.NEW
                                            ? change.elementType() + " " + change.elementId()
                                            : change.summary())
                                    .collect(Collectors.joining(" | ")));
            text.append('.');
        }
        return text.length() <= MAX_AUDITED_CHANGES
                ? text.toString()
                : text.substring(0, MAX_AUDITED_CHANGES - 1) + "\u2026";
    }

    private static String describe(PromptMoves moved) {
        return " Herinneringen verschoven: %d bij %d lopende deals, waarvan %d meteen te laat."
                .formatted(moved.moved(), moved.deals().size(), moved.overdueAtOnce());
    }

    public List<ProcessVersion> processVersions() {
        return models.processVersions();
    }

    public List<DecisionVersion> decisionVersions() {
        return models.decisionVersions();
    }

    public Optional<byte[]> diagram(String processDefinitionId) {
        return models.diagram(processDefinitionId);
    }

    /** One process version's BPMN file, by its repository file name, for the modeler. */
    public Optional<ModelFile> processModel(String processDefinitionId) {
        return models.processModel(processDefinitionId);
    }

    /**
     * The model or form as it stands now (the newest model deployment that holds it), by its repository file name
     * ({@code prompt-schedule.dmn}, {@code agree-setup.form}); empty for a name that is no current model or form.
     */
    public Optional<ModelFile> currentFile(String fileName) {
        if (fileName == null || !FILE_NAME.matcher(fileName).matches()) {
            return Optional.empty();
        }
        return models.currentResources().entrySet().stream()
                .filter(resource -> resource.getKey().endsWith("/" + fileName))
                .findFirst()
                .map(resource -> new ModelFile(fileName, resource.getValue()));
    }

    /** The repository file names of the current models and forms, in name order. */
    public List<String> currentFileNames() {
        return models.currentResources().keySet().stream()
                .map(name -> name.substring(name.lastIndexOf('/') + 1))
                .sorted()
                .toList();
    }

    private static Map<String, String> checkFiles(List<ModelFile> files) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (files == null || files.isEmpty()) {
            errors.put("files", "Kies minstens een bestand (.bpmn, .dmn of .form).");
            return errors;
        }
        if (files.size() > MAX_FILES) {
            errors.put("files", "Hoogstens %d bestanden per keer.".formatted(MAX_FILES));
            return errors;
        }
        Set<String> seen = new HashSet<>();
        for (ModelFile file : files) {
            String name = file.fileName() == null ? "" : file.fileName();
            if (!FILE_NAME.matcher(name).matches()) {
                errors.put(
                        name.isBlank() ? "files" : name,
                        "Alleen .bpmn-, .dmn- en .form-bestanden met een eenvoudige naam (letters, cijfers, - _ .) kunnen worden uitgerold.");
            } else if (!seen.add(name)) {
                errors.put(name, "Het bestand staat twee keer in de upload.");
            } else if (file.content().length == 0) {
                errors.put(name, "Het bestand is leeg.");
            }
        }
        return errors;
    }

    private InvalidUploadException refused(String actor, List<ModelFile> files, InvalidUploadException e) {
        audit.record(
                actor,
                AuditAction.DEPLOY_REFUSED,
                "Bestanden: " + names(files) + ". Fouten: "
                        + e.errors().entrySet().stream()
                                .map(error -> error.getKey() + ": " + error.getValue())
                                .collect(Collectors.joining(" | ")));
        return e;
    }

    private static String describe(List<ModelFile> files, DeploymentSummary deployed) {
        String versions = Stream.concat(
                        deployed.processVersions().stream().map(v -> label(v.key(), v.version(), v.versionTag())),
                        deployed.decisionVersions().stream().map(v -> label(v.key(), v.version(), v.versionTag())))
                .collect(Collectors.joining(", "));
        return "Bestanden: %s. Uitrol %s met %d resources. Nieuwe versies: %s."
                .formatted(
                        names(files),
                        deployed.deploymentId(),
                        deployed.resources().size(),
                        versions.isEmpty() ? "geen" : versions);
    }

    private static String label(String key, int version, String versionTag) {
        return key + " v" + version + (versionTag == null || versionTag.isBlank() ? "" : " (" + versionTag + ")");
    }

    private static String names(List<ModelFile> files) {
        return files == null ? "" : files.stream().map(ModelFile::fileName).collect(Collectors.joining(", "));
    }
}
