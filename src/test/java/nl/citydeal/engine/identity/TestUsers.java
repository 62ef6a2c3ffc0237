package nl.citydeal.engine.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Test users, made as an administrator would make them: once, with a password, an address and one role. */
public final class TestUsers {

    private TestUsers() {}

    /** Creates the user in the role's group unless a user with that id exists already. */
    public static void ensure(IdentityService identityService, String id, String password, Role role) {
        if (identityService.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User user = identityService.newUser(id);
        user.setPassword(password);
        user.setEmail(id + "@citydeal.example");
        identityService.saveUser(user);
        identityService.createMembership(id, role.groupId());
    }
}
