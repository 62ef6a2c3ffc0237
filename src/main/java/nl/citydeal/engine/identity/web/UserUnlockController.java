package nl.citydeal.engine.identity.web;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import nl.citydeal.engine.system.NotFoundException;

/**
 * Lifts a user's login lock at once, instead of waiting for it to end (at most a minute after the last wrong
 * password). Administrators only: {@code /api/admin/**} in SecurityConfiguration.
 */
@RestController
class UserUnlockController {

    private final IdentityService identityService;

    UserUnlockController(IdentityService identityService) {
        this.identityService = identityService;
    }

    @PostMapping("/api/admin/users/{id}/unlock")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlock(@PathVariable String id) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            throw new NotFoundException("Gebruiker '" + id + "' bestaat niet.");
        }
        identityService.unlockUser(id);
    }
}
