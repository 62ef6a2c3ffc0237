package nl.citydeal.engine.admin;

/** What an administrator did to the models or the running deals. */
public enum AuditAction {
    DEPLOY("Uitgerold"),
    DEPLOY_REFUSED("Uitrol geweigerd"),
    MIGRATE_DRY_RUN("Proefmigratie"),
    MIGRATE("Migratie gestart"),
    RETRY("Opnieuw geprobeerd"),
    DISMISS("Laten vervallen");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
