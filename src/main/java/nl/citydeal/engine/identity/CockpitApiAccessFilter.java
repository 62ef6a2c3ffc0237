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
 * Cockpit's plugin API ({@code /camunda/api/cockpit/plugin/{plugin}/{engine}/...}: statistics over every deal)
 * only for users who may use Cockpit. Camunda checks the application authorization ({@code APPLICATION
 * "cockpit"}, {@link EngineAuthorizations}) for the Cockpit pages but lets every logged-in webapp user call the
 * plugin API; this filter applies the same authorization to the API. Only the plugins' scripts
 * ({@code .../plugin/{plugin}/static/...}, no data) stay open, as Cockpit's login page loads them.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 30)
class CockpitApiAccessFilter extends OncePerRequestFilter {

    static final String COCKPIT = "cockpit";
    private static final String PREFIX = "/camunda/api/cockpit/";
    private static final Pattern STATIC = Pattern.compile("^/camunda/api/cockpit/plugin/[^/]+/static/.*");
    private static final Pattern ENGINE =
            Pattern.compile("^/camunda/api/cockpit/plugin/[^/]+/(?<engine>[^/]+)(?:/.*)?$");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !path.startsWith(PREFIX)
                || (STATIC.matcher(path).matches() && request.getMethod().equalsIgnoreCase("GET"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher engine = ENGINE.matcher(path(request));
        boolean mayUseCockpit = engine.matches()
                && WebappSession.user(request, engine.group("engine"))
                        .map(user -> user.isAuthorizedForApp(COCKPIT))
                        .orElse(false);
        if (!mayUseCockpit) {
            ProblemResponse.write(
                    response,
                    HttpStatus.FORBIDDEN,
                    "Geen toegang tot Cockpit",
                    "U hebt geen toegang tot Cockpit; alleen het programmabureau en beheerders gebruiken Cockpit.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
