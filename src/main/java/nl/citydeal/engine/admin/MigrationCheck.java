package nl.citydeal.engine.admin;

import java.util.List;

/** The dry-run verdict for one running deal (its id and its reference, the business key): whether it can move and, if not, why. */
public record MigrationCheck(
        String dealId, String reference, String processInstanceId, boolean canMigrate, List<String> reasons) {

    public MigrationCheck {
        reasons = List.copyOf(reasons);
    }
}
