package nl.citydeal.engine.admin.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import nl.citydeal.engine.admin.DecisionVersion;
import nl.citydeal.engine.admin.DeploymentSummary;
import nl.citydeal.engine.admin.ModelAdministration;
import nl.citydeal.engine.admin.ModelFile;
import nl.citydeal.engine.admin.ProcessVersion;

/**
 * Administrators upload changed models and forms ({@code multipart/form-data}, one or more parts named
 * {@code files}) and list the deployed versions. 201 with the new versions, 200 when nothing changed, 400 with
 * every problem per file when the upload is refused (nothing is deployed then).
 */
@RestController
@RequestMapping("/api/admin")
class AdminDeploymentController {

    private final ModelAdministration administration;

    AdminDeploymentController(ModelAdministration administration) {
        this.administration = administration;
    }

    @PostMapping(path = "/deployments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<DeploymentSummary> upload(@RequestParam("files") List<MultipartFile> files, Principal user) {
        DeploymentSummary deployed = administration.upload(modelFiles(files), user.getName());
        return ResponseEntity.status(deployed.changed() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(deployed);
    }

    @GetMapping("/versions")
    Versions versions() {
        return new Versions(administration.processVersions(), administration.decisionVersions());
    }

    /** The uploaded parts as model files, each by its bare file name. */
    static List<ModelFile> modelFiles(List<MultipartFile> files) {
        return files.stream()
                .filter(file -> !file.isEmpty() || StringUtils.hasText(file.getOriginalFilename()))
                .map(AdminDeploymentController::modelFile)
                .toList();
    }

    private static ModelFile modelFile(MultipartFile file) {
        String name = file.getOriginalFilename() == null
                ? ""
                : file.getOriginalFilename().replace('\\', '/');
        try {
            return new ModelFile(StringUtils.getFilename(name), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the uploaded file " + name, e);
        }
    }

    record Versions(List<ProcessVersion> processes, List<DecisionVersion> decisions) {}
}
