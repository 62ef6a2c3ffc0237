package nl.citydeal.engine.portfolio.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import nl.citydeal.engine.system.PersonNames;
import nl.citydeal.engine.system.web.Viewer;

/**
 * The bar on every page (template fragment {@code layout :: masthead}): who is logged in (by name, their user id
 * when they have none) and where they may go.
 * Portfolio and Lessen (the lessons library, {@code /lessons}) are for everyone; Cockpit is for the programme office and administrators, Beheer ({@code /admin}), the outbox
 * ({@code /admin/outbox}) and Storingen ({@code /admin/incidents}) for administrators; Mijn instellingen ({@code /instellingen}) for everyone.
 */
public record Navigation(String userId, String active, boolean cockpit, boolean admin, PersonNames names) {

    public static final String PORTFOLIO = "portfolio";
    public static final String LESSONS = "lessons";
    public static final String ADMIN = "admin";
    public static final String OUTBOX = "outbox";
    public static final String INCIDENTS = "incidents";
    public static final String SETTINGS = "settings";

    static Navigation of(Authentication authentication, String path, PersonNames names) {
        boolean admin = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(Viewer.ADMINISTRATOR::equals);
        String active = path == null
                ? PORTFOLIO
                : path.startsWith("/instellingen")
                        ? SETTINGS
                        : path.startsWith("/lessons")
                                ? LESSONS
                                : !path.startsWith("/admin")
                                        ? PORTFOLIO
                                        : path.startsWith("/admin/outbox")
                                                ? OUTBOX
                                                : path.startsWith("/admin/incidents") ? INCIDENTS : ADMIN;
        return new Navigation(
                authentication.getName(), active, Viewer.of(authentication).seesAllDeals(), admin, names);
    }

    /**
     * The logged-in user's name, looked up only when a page shows it (every request gets a navigation, API calls
     * too).
     */
    public String user() {
        return names.nameOf(userId);
    }
}
