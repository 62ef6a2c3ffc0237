package nl.citydeal.engine.admin.web;

import java.security.Principal;
import java.util.List;
import java.util.Locale;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

import nl.citydeal.engine.admin.DeploymentSummary;
import nl.citydeal.engine.admin.InvalidUploadException;
import nl.citydeal.engine.admin.ModelAdministration;
import nl.citydeal.engine.admin.ModelFile;
import nl.citydeal.engine.admin.ProcessVersion;
import nl.citydeal.engine.system.NotFoundException;
import nl.citydeal.engine.system.web.ApiExceptionHandler;

/**
 * The model editors in the browser ({@code /admin/models/...}): a process version in the BPMN modeler, a decision
 * table in the DMN editor, a form in the form editor, each loaded from what is deployed. The page checks an edit
 * through the review ({@code POST /admin/models/review}) and deploys it here through the same validated upload as
 * the {@code /admin} page, answering JSON with the new versions and which running deals could move to them.
 */
@Controller
@RequestMapping("/admin/models")
class ModelEditorController {

    private final ModelAdministration models;

    ModelEditorController(ModelAdministration models) {
        this.models = models;
    }

    /** The editor of one process version, as deployed in that version. */
    @GetMapping("/versions/{processDefinitionId}/edit")
    String editVersion(@PathVariable String processDefinitionId, Model model) {
        ModelFile file = models.processModel(processDefinitionId)
                .orElseThrow(
                        () -> new NotFoundException("Procesversie '%s' bestaat niet.".formatted(processDefinitionId)));
        ProcessVersion version = models.processVersions().stream()
                .filter(candidate -> candidate.id().equals(processDefinitionId))
                .findFirst()
                .orElseThrow();
        return editor(
                model,
                file.fileName(),
                "/admin/versions/" + processDefinitionId + "/diagram.bpmn",
                "%s, versie %d%s"
                        .formatted(
                                version.key(),
                                version.version(),
                                version.versionTag() == null ? "" : " (" + version.versionTag() + ")"));
    }

    /** The editor of a model or form as it stands now, by its repository file name. */
    @GetMapping("/{fileName}/edit")
    String editFile(@PathVariable String fileName, Model model) {
        current(fileName);
        return editor(model, fileName, "/admin/models/" + fileName + "/source", "zoals nu uitgerold");
    }

    /** The deployed content of a model or form, by its repository file name. */
    @GetMapping("/{fileName}/source")
    ResponseEntity<byte[]> source(@PathVariable String fileName) {
        ModelFile file = current(fileName);
        return ResponseEntity.ok()
                .contentType(file.isForm() ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_XML)
                .cacheControl(CacheControl.noStore())
                .body(file.content());
    }

    /**
     * Deploys the edited files through the validated upload. 201 with the new versions and the migrations on
     * offer, 200 when nothing differed, 400 (problem+json, every problem per file) when refused.
     */
    @PostMapping(path = "/deploy", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseBody
    ResponseEntity<?> deploy(
            @RequestParam(name = "files", required = false) List<MultipartFile> files, Principal user) {
        DeploymentSummary deployed;
        try {
            deployed = models.upload(
                    files == null ? List.of() : AdminDeploymentController.modelFiles(files), user.getName());
        } catch (InvalidUploadException e) {
            ProblemDetail problem = ApiExceptionHandler.invalidInput(e.errors());
            return ResponseEntity.badRequest()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        return ResponseEntity.status(deployed.changed() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new Deployed(deployed, migrationsOnOffer(deployed)));
    }

    /** For every new process version: each older version of that process with deals running on it. */
    private List<MigrationOffer> migrationsOnOffer(DeploymentSummary deployed) {
        List<ProcessVersion> all = models.processVersions();
        return deployed.processVersions().stream()
                .flatMap(target -> all.stream()
                        .filter(source -> source.key().equals(target.key())
                                && source.version() < target.version()
                                && source.runningDeals() > 0)
                        .map(source -> new MigrationOffer(
                                source.key(), source.version(), target.version(), source.runningDeals())))
                .toList();
    }

    private ModelFile current(String fileName) {
        return models.currentFile(fileName)
                .orElseThrow(() ->
                        new NotFoundException("Er is geen uitgerold model of formulier '%s'.".formatted(fileName)));
    }

    private static String editor(Model model, String fileName, String sourceUrl, String label) {
        model.addAttribute("fileName", fileName);
        model.addAttribute("kind", kind(fileName));
        model.addAttribute("sourceUrl", sourceUrl);
        model.addAttribute("label", label);
        return "admin/model-editor";
    }

    private static String kind(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".bpmn")) {
            return "bpmn";
        }
        return name.endsWith(".dmn") ? "dmn" : "form";
    }

    /** What the editor's deploy answers: the deployment and the migrations the administrator may start next. */
    record Deployed(DeploymentSummary deployment, List<MigrationOffer> migrations) {}

    /** Deals running on {@code sourceVersion} of a process could move to the new {@code targetVersion}. */
    record MigrationOffer(String processDefinitionKey, int sourceVersion, int targetVersion, long runningDeals) {}
}
