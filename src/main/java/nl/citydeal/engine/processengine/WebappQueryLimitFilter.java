package nl.citydeal.engine.processengine;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine refuses a query without {@code maxResults} above {@code query-max-results-limit} for a logged-in user,
 * which keeps the REST API's clients to pages. Some of the webapps' own calls send none (Cockpit's process definition
 * page asks {@code GET .../process-definition?key=city-deal&sortBy=version} for every version of a process) and
 * failed with 400, and so did Cockpit's task dashboard, which asks {@code POST .../group} for the names of the
 * candidate groups with its page in the body, where the query resources do not read it (they take {@code maxResults}
 * from the query string only). A GET or a POST query of a list of the webapps' engine API
 * ({@code /camunda/api/engine/engine/{engine}/{resource}}, no deeper path) without {@code maxResults} in its query
 * string gets the limit as its page, so Cockpit, Tasklist and Admin list at most that many, as a client of
 * {@code /engine-rest} would page them. (The other POSTs of that form, a message's correlation or a signal, read no
 * page and are not changed by one.) Nothing else changes: the limit itself stays.
 */
@Component
class WebappQueryLimitFilter extends OncePerRequestFilter {

    static final String MAX_RESULTS = "maxResults";
    private static final Pattern LIST = Pattern.compile("^/camunda/api/engine/engine/[^/]+/[a-z-]+$");

    private final ProcessEngine engine;

    WebappQueryLimitFilter(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !("GET".equals(request.getMethod()) || "POST".equals(request.getMethod()))
                || !LIST.matcher(path).matches()
                || hasPage(request.getQueryString())
                || limit() == Integer.MAX_VALUE;
    }

    /** A page asked for in the query string (a POST's form body is not looked at: the body is the query's JSON). */
    private static boolean hasPage(String query) {
        return query != null && Arrays.stream(query.split("&")).anyMatch(part -> part.startsWith(MAX_RESULTS + "="));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Paged(request, String.valueOf(limit())), response);
    }

    private int limit() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getQueryMaxResultsLimit();
    }

    /** The request with {@code maxResults} added, in its query string and its parameters. */
    private static final class Paged extends HttpServletRequestWrapper {

        private final String limit;

        Paged(HttpServletRequest request, String limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public String getQueryString() {
            String query = super.getQueryString();
            return (query == null || query.isEmpty() ? "" : query + "&") + MAX_RESULTS + "=" + limit;
        }

        @Override
        public String getParameter(String name) {
            return MAX_RESULTS.equals(name) ? limit : super.getParameter(name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> parameters = new LinkedHashMap<>(super.getParameterMap());
            parameters.put(MAX_RESULTS, new String[] {limit});
            return Collections.unmodifiableMap(parameters);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return MAX_RESULTS.equals(name) ? new String[] {limit} : super.getParameterValues(name);
        }
    }
}
