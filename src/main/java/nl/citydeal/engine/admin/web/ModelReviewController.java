package nl.citydeal.engine.admin.web;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import nl.citydeal.engine.admin.ModelAdministration;
import nl.citydeal.engine.admin.ModelReview;

/**
 * Administrators see what an upload would do before they deploy it ({@code multipart/form-data}, parts named
 * {@code files}, exactly as {@code POST /api/admin/deployments}): 200 with the validation and policy result, the
 * differences against the deployed versions and the prompt schedule's effect on the running deals; nothing is stored.
 * 400 (problem) for what cannot be compared at all: no files, another kind of file, unreadable XML or JSON.
 *
 * <p>Two addresses, one answer: {@code /api/admin/models/review} for API clients (HTTP Basic, stateless, as every
 * {@code /api/**}), and {@code /admin/models/review} for the editor pages, which call it with the session of their
 * login and the CSRF token in the {@code X-CSRF-TOKEN} header, as every state-changing page request.
 */
@RestController
class ModelReviewController {

    private final ModelAdministration administration;

    ModelReviewController(ModelAdministration administration) {
        this.administration = administration;
    }

    @PostMapping(
            path = {"/api/admin/models/review", "/admin/models/review"},
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ModelReview review(@RequestParam(name = "files", required = false) List<MultipartFile> files) {
        return administration.review(AdminDeploymentController.modelFiles(files == null ? List.of() : files));
    }
}
