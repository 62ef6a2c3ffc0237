package nl.citydeal.engine.identity;

import java.util.Optional;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * Who is logged in to the Camunda webapps (Tasklist, Cockpit, Admin). Their login is Camunda's own, kept in the
 * HTTP session per engine ({@link AuthenticationUtil#getAuthsFromSession}), not Spring Security's.
 */
final class WebappSession {

    private WebappSession() {}

    /** The user logged in to the webapps for the engine, with their groups and the webapps they may use. */
    static Optional<UserAuthentication> user(HttpServletRequest request, String engineName) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        if (authentications == null) {
            return Optional.empty();
        }
        return authentications.getAuthentications().stream()
                .filter(authentication -> authentication.getProcessEngineName().equals(engineName))
                .findFirst();
    }
}
