package nl.citydeal.engine.identity;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import nl.citydeal.engine.system.web.ProblemResponse;

/**
 * The webapps' APIs that read across every deal only for the users of the webapp that shows them. Camunda checks the
 * application authorizations ({@code APPLICATION "cockpit"}, {@code "admin"}, {@link EngineAuthorizations}) for the
 * webapps' pages, but lets every logged-in webapp user (a deal lead in Tasklist too) call their APIs:
 * <ul>
 * <li>Cockpit's plugin API ({@code /camunda/api/cockpit/plugin/{plugin}/{engine}/...}: statistics over every deal)
 * for Cockpit's users; only the plugins' scripts ({@code .../plugin/{plugin}/static/...}, no data) stay open, as
 * Cockpit's login page loads them;</li>
 * <li>the engine's metrics ({@code /camunda/api/engine/engine/{engine}/metrics...}: the activity of every deal) for
 * Admin's users, the administrators, as on {@code /engine-rest/metrics}.</li>
 * </ul>
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 30)
class WebappApiAccessFilter extends OncePerRequestFilter {

    static final String COCKPIT = "cockpit";
    static final String ADMIN = "admin";
    private static final Pattern COCKPIT_STATIC = Pattern.compile("^/camunda/api/cockpit/plugin/[^/]+/static/.*");
    private static final Pattern COCKPIT_API =
            Pattern.compile("^/camunda/api/cockpit/plugin/[^/]+/(?<engine>[^/]+)(?:/.*)?$");
    private static final Pattern METRICS =
            Pattern.compile("^/camunda/api/engine/engine/(?<engine>[^/]+)/metrics(?:/.*)?$");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        boolean cockpit = path.startsWith("/camunda/api/cockpit/")
                && !(COCKPIT_STATIC.matcher(path).matches()
                        && request.getMethod().equalsIgnoreCase("GET"));
        return !cockpit && !METRICS.matcher(path).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = path(request);
        Matcher metrics = METRICS.matcher(path);
        if (metrics.matches()) {
            if (!mayUse(request, metrics.group("engine"), ADMIN)) {
                ProblemResponse.write(
                        response,
                        HttpStatus.FORBIDDEN,
                        "Geen toegang",
                        "Alleen beheerders zien de cijfers van de engine.");
                return;
            }
        } else {
            Matcher cockpit = COCKPIT_API.matcher(path);
            if (!cockpit.matches() || !mayUse(request, cockpit.group("engine"), COCKPIT)) {
                ProblemResponse.write(
                        response,
                        HttpStatus.FORBIDDEN,
                        "Geen toegang tot Cockpit",
                        "U hebt geen toegang tot Cockpit; alleen het programmabureau en beheerders gebruiken Cockpit.");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean mayUse(HttpServletRequest request, String engine, String app) {
        return WebappSession.user(request, engine)
                .map(user -> user.isAuthorizedForApp(app))
                .orElse(false);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
