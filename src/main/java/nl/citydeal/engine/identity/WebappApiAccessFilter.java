package nl.citydeal.engine.identity;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
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
 * <li>Admin's plugin API ({@code /camunda/api/admin/plugin/{plugin}/{engine}/...}: usage metrics) and the engine's
 * metrics ({@code /camunda/api/engine/engine/{engine}/metrics...}: the activity of every deal) for Admin's users,
 * the administrators, as on {@code /engine-rest/metrics}; Admin's plugin scripts stay open like Cockpit's.</li>
 * </ul>
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 30)
class WebappApiAccessFilter extends OncePerRequestFilter {

    static final String COCKPIT = "cockpit";
    static final String ADMIN = "admin";

    /**
     * A webapp API: what it covers (everything under {@code prefix}, or only what {@code api} matches), its scripts
     * that stay open (none: null), the webapp its users need, and the refusal.
     */
    private record Rule(
            String prefix, boolean wholePrefix, Pattern api, Pattern scripts, String app, String title, String detail) {

        boolean covers(String path, boolean get) {
            return path.startsWith(prefix)
                    && (wholePrefix || api.matcher(path).matches())
                    && !(get && scripts != null && scripts.matcher(path).matches());
        }
    }

    private static final List<Rule> RULES = List.of(
            new Rule(
                    "/camunda/api/cockpit/",
                    true,
                    Pattern.compile("^/camunda/api/cockpit/plugin/[^/]+/(?<engine>[^/]+)(?:/.*)?$"),
                    Pattern.compile("^/camunda/api/cockpit/plugin/[^/]+/static/.*"),
                    COCKPIT,
                    "Geen toegang tot Cockpit",
                    "U hebt geen toegang tot Cockpit; alleen het programmabureau en beheerders gebruiken Cockpit."),
            new Rule(
                    "/camunda/api/admin/plugin/",
                    true,
                    Pattern.compile("^/camunda/api/admin/plugin/[^/]+/(?<engine>[^/]+)(?:/.*)?$"),
                    Pattern.compile("^/camunda/api/admin/plugin/[^/]+/static/.*"),
                    ADMIN,
                    "Geen toegang",
                    "Alleen beheerders gebruiken Beheer."),
            new Rule(
                    "/camunda/api/engine/engine/",
                    false,
                    Pattern.compile("^/camunda/api/engine/engine/(?<engine>[^/]+)/metrics(?:/.*)?$"),
                    null,
                    ADMIN,
                    "Geen toegang",
                    "Alleen beheerders zien de cijfers van de engine."));

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return rule(request).isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Rule rule = rule(request).orElseThrow();
        Matcher api = rule.api().matcher(path(request));
        if (!api.matches() || !mayUse(request, api.group("engine"), rule.app())) {
            ProblemResponse.write(response, HttpStatus.FORBIDDEN, rule.title(), rule.detail());
            return;
        }
        chain.doFilter(request, response);
    }

    /** The rule for the request: none for what no rule covers and for the open scripts. */
    private static Optional<Rule> rule(HttpServletRequest request) {
        String path = path(request);
        boolean get = request.getMethod().equalsIgnoreCase("GET");
        return RULES.stream().filter(rule -> rule.covers(path, get)).findFirst();
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
