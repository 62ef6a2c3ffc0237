package nl.citydeal.engine.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The three kinds of users. Each role is one Camunda group (used as candidate group in the models) and one
 * Spring Security role.
 */
public enum Role {
    PROGRAMME_OFFICE("programme-office", "Programmabureau"),
    DEAL_LEAD("deal-leads", "Dealtrekkers"),
    ADMINISTRATOR("camunda-admin", "Beheerders");

    private final String groupId;
    private final String groupName;

    Role(String groupId, String groupName) {
        this.groupId = groupId;
        this.groupName = groupName;
    }

    public String groupId() {
        return groupId;
    }

    public String groupName() {
        return groupName;
    }

    /** The Spring Security authority, e.g. {@code ROLE_PROGRAMME_OFFICE}. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<Role> ofGroup(String groupId) {
        return Arrays.stream(values())
                .filter(role -> role.groupId.equals(groupId))
                .findFirst();
    }
}
