package nl.citydeal.engine.admin.web;

import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import nl.citydeal.engine.admin.InvalidMigrationException;
import nl.citydeal.engine.admin.InvalidUploadException;
import nl.citydeal.engine.system.web.ApiExceptionHandler;

/** A refused upload or migration request is a 400 problem naming every problem, like every other invalid input. */
@RestControllerAdvice(
        assignableTypes = {AdminDeploymentController.class, MigrationController.class, ModelReviewController.class})
class AdminExceptionHandler {

    @ExceptionHandler(InvalidUploadException.class)
    ProblemDetail invalidUpload(InvalidUploadException e) {
        return ApiExceptionHandler.invalidInput(e.errors());
    }

    @ExceptionHandler(InvalidMigrationException.class)
    ProblemDetail invalidMigration(InvalidMigrationException e) {
        return ApiExceptionHandler.invalidInput(e.errors());
    }
}
