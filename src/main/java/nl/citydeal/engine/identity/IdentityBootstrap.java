package nl.citydeal.engine.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Makes sure the role groups exist with their engine authorizations, creates the demo users in the {@code demo} profile, and refuses to start
 * without an administrator: outside the demo the first one comes only from {@code CITYDEAL_ADMIN_PASSWORD}.
 */
@Component
public class IdentityBootstrap {

    public static final String DEMO_PASSWORD = "demo";
    static final String MISSING_ADMIN_MESSAGE = "No administrator exists in the database. Set the environment variable "
            + "CITYDEAL_ADMIN_PASSWORD (and optionally CITYDEAL_ADMIN_USER, default 'admin') to create the first one, "
            + "or start with the demo profile.";
    static final String WEAK_ADMIN_MESSAGE = "CITYDEAL_ADMIN_PASSWORD does not meet the password policy: at least 10 "
            + "characters with a lower case and an upper case letter, a digit and a special character, and not "
            + "containing the user name. Violated: ";

    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

    /** The demo users: user id, first name, last name, role. */
    static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser("petra", "Petra", "de Vries", Role.PROGRAMME_OFFICE),
            new DemoUser("anna", "Anna", "Jansen", Role.DEAL_LEAD),
            new DemoUser("bram", "Bram", "Bakker", Role.DEAL_LEAD),
            new DemoUser("admin", "Ada", "Beheer", Role.ADMINISTRATOR));

    private final IdentityService identityService;
    private final EngineAuthorizations authorizations;
    private final AdminProperties admin;
    private final Environment environment;

    public IdentityBootstrap(
            IdentityService identityService,
            EngineAuthorizations authorizations,
            AdminProperties admin,
            Environment environment) {
        this.identityService = identityService;
        this.authorizations = authorizations;
        this.admin = admin;
        this.environment = environment;
    }

    @EventListener(ContextRefreshedEvent.class)
    public void bootstrap() {
        for (Role role : Role.values()) {
            if (identityService.createGroupQuery().groupId(role.groupId()).count() == 0) {
                Group group = identityService.newGroup(role.groupId());
                group.setName(role.groupName());
                group.setType("WORKFLOW");
                identityService.saveGroup(group);
            }
        }
        authorizations.grantRoles();
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            // the demo's well-known password is below the password policy on purpose: the demo never holds real data
            DEMO_USERS.forEach(
                    user -> createUser(user.id(), user.firstName(), user.lastName(), DEMO_PASSWORD, user.role(), true));
        }
        if (identityService
                        .createUserQuery()
                        .memberOfGroup(Role.ADMINISTRATOR.groupId())
                        .count()
                == 0) {
            if (!admin.hasPassword()) {
                throw new IllegalStateException(MISSING_ADMIN_MESSAGE);
            }
            createUser(admin.user(), "Beheerder", "", admin.password(), Role.ADMINISTRATOR, false);
            log.info("Created the first administrator '{}' from CITYDEAL_ADMIN_PASSWORD", admin.user());
        }
    }

    private void createUser(
            String id, String firstName, String lastName, String password, Role role, boolean skipPasswordPolicy) {
        if (identityService.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User user = identityService.newUser(id);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(id + "@citydeal.example");
        user.setPassword(password);
        if (skipPasswordPolicy) {
            ((IdentityServiceImpl) identityService).saveUser(user, true);
        } else {
            PasswordPolicyResult policy = identityService.getPasswordPolicy() == null
                    ? null
                    : identityService.checkPasswordAgainstPolicy(password, user);
            if (policy != null && !policy.isValid()) {
                throw new IllegalStateException(WEAK_ADMIN_MESSAGE
                        + policy.getViolatedRules().stream()
                                .map(PasswordPolicyRule::getPlaceholder)
                                .toList());
            }
            identityService.saveUser(user);
        }
        identityService.createMembership(id, role.groupId());
    }

    record DemoUser(String id, String firstName, String lastName, Role role) {}
}
