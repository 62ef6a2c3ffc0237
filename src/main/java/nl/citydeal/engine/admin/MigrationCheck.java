package nl.citydeal.engine.admin;

import java.util.List;

/** The dry-run verdict for one running deal: whether it can move and, if not, why. */
public record MigrationCheck(String dealId, String processInstanceId, boolean canMigrate, List<String> reasons) {

    public MigrationCheck {
        reasons = List.copyOf(reasons);
    }
}
