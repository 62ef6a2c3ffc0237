package nl.citydeal.engine.system.web;

import java.util.Collection;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who is looking: the programme office and administrators see every deal, a deal lead only the deals they lead or
 * are a deputy of.
 * The authorities are those of {@code identity.Role} (a test keeps them in step).
 */
public record Viewer(String userId, boolean seesAllDeals) {

    public static final String PROGRAMME_OFFICE = "ROLE_PROGRAMME_OFFICE";
    public static final String ADMINISTRATOR = "ROLE_ADMINISTRATOR";

    public static Viewer of(Authentication authentication) {
        boolean all = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals(PROGRAMME_OFFICE) || a.equals(ADMINISTRATOR));
        return new Viewer(authentication.getName(), all);
    }

    /** Whether the user is in the programme office (administrators are not, unless they are in it too). */
    public static boolean inProgrammeOffice(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(PROGRAMME_OFFICE::equals);
    }

    /** Whether the user sees a deal with these leads (its lead and deputies). */
    public boolean sees(Collection<String> dealLeads) {
        return seesAllDeals || dealLeads.contains(userId);
    }
}
