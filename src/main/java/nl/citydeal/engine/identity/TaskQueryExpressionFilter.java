package nl.citydeal.engine.identity;

import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
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
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;

import nl.citydeal.engine.system.web.CachedBodyRequest;
import nl.citydeal.engine.system.web.PayloadProperties;
import nl.citydeal.engine.system.web.ProblemResponse;

/**
 * Keeps expressions ({@code ${...}}, evaluated by the engine as code) out of the task queries and Tasklist filters
 * that callers send, through the engine REST API ({@code /engine-rest}, {@code /engine-rest/engine/{name}}) and the
 * webapps' ({@code /camunda/api/engine/engine/{name}}).
 * <ul>
 * <li>a key ending in {@code Expression} inside {@code orQueries} (of a task query, of the query extending a
 * filter, of a filter's stored query): 400 for everyone, as the engine evaluates those whatever
 * {@code enable-expressions-in-adhoc-queries} says;</li>
 * <li>a filter whose stored query holds an expression (created or changed): administrators only (403), as stored
 * queries may hold expressions ({@code enable-expressions-in-stored-queries}, needed by the app's own filters,
 * which {@code TaskFilters} saves through the Java API);</li>
 * <li>an expression at the top of the query that extends a stored filter, which the engine evaluates as part of
 * that stored query, or in the parameters of a task query ({@code GET .../task?assigneeExpression=...}): 400 for
 * everyone but administrators.</li>
 * </ul>
 * Tasklist's own "any of" searches use {@code orQueries} without expressions and pass. The body is read here (at
 * most {@code citydeal.payload.max-size}) and handed on whole.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 20)
class TaskQueryExpressionFilter extends OncePerRequestFilter {

    private static final Pattern ENGINE = Pattern.compile(
            "^(?:/engine-rest(?:/engine/(?<named>[^/]+))?|/camunda/api/engine/engine/(?<webapp>[^/]+))(?<rest>/.*)$");
    private static final Pattern TASK_QUERY = Pattern.compile("^/task(?:/count)?/?$");
    private static final Pattern FILTER_SAVE = Pattern.compile("^/filter/(?:create|[^/]+)/?$");
    private static final Pattern FILTER_EXECUTE = Pattern.compile("^/filter/[^/]+/(?:list|count|singleResult)/?$");
    private static final String EXPRESSION = "Expression";

    private final PayloadProperties payload;

    TaskQueryExpressionFilter(PayloadProperties payload) {
        this.payload = payload;
    }

    private enum Kind {
        TASK_QUERY,
        FILTER_SAVE,
        FILTER_EXECUTE
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher engine = ENGINE.matcher(
                request.getRequestURI().substring(request.getContextPath().length()));
        Kind kind = engine.matches() ? kind(request.getMethod().toUpperCase(Locale.ROOT), engine.group("rest")) : null;
        if (kind == null) {
            chain.doFilter(request, response);
            return;
        }
        String webappEngine = engine.group("webapp");
        boolean administrator = administrator(request, webappEngine);
        if (request.getMethod().equalsIgnoreCase("GET")) {
            if (!administrator
                    && request.getParameterMap().keySet().stream().anyMatch(TaskQueryExpressionFilter::expression)) {
                refuseAdhoc(response);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        Optional<CachedBodyRequest> read = CachedBodyRequest.read(request, payload.maxBytes());
        if (read.isEmpty()) {
            ProblemResponse.tooLarge(response, payload.maxBytes());
            return;
        }
        JsonNode body = read.get().json();
        if (body != null) {
            JsonNode query = kind == Kind.FILTER_SAVE ? body.path("query") : body;
            if (expressionIn(query.path("orQueries"))) {
                refuseAdhoc(response);
                return;
            }
            if (!administrator && kind == Kind.FILTER_SAVE && expressionIn(query)) {
                ProblemResponse.write(
                        response,
                        HttpStatus.FORBIDDEN,
                        "Niet toegestaan",
                        "Alleen beheerders mogen een filter met expressies opslaan; er is niets gewijzigd.");
                return;
            }
            if (!administrator && kind == Kind.FILTER_EXECUTE && expressionIn(query)) {
                refuseAdhoc(response);
                return;
            }
        }
        chain.doFilter(read.get(), response);
    }

    private static Kind kind(String method, String rest) {
        if (TASK_QUERY.matcher(rest).matches() && (method.equals("POST") || method.equals("GET"))) {
            return Kind.TASK_QUERY;
        }
        if (method.equals("POST") && FILTER_EXECUTE.matcher(rest).matches()) {
            return Kind.FILTER_EXECUTE;
        }
        if (FILTER_SAVE.matcher(rest).matches()
                && (method.equals("PUT") || (method.equals("POST") && rest.startsWith("/filter/create")))) {
            return Kind.FILTER_SAVE;
        }
        return null;
    }

    /** Whether the JSON names an expression anywhere (unparsable JSON is left to the engine, which refuses it). */
    private static boolean expressionIn(JsonNode node) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (expression(field.getKey()) || expressionIn(field.getValue())) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (expressionIn(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean expression(String key) {
        return key.endsWith(EXPRESSION);
    }

    /** Administrators as Spring Security knows them (engine REST API) or as the Camunda webapps do. */
    private static boolean administrator(HttpServletRequest request, String webappEngine) {
        if (webappEngine != null) {
            return WebappSession.user(request, webappEngine)
                    .map(user ->
                            user.getGroupIds() != null && user.getGroupIds().contains(Role.ADMINISTRATOR.groupId()))
                    .orElse(false);
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.isAuthenticated()
                && authentication.getAuthorities().stream()
                        .anyMatch(authority -> authority.getAuthority().equals(Role.ADMINISTRATOR.authority()));
    }

    private static void refuseAdhoc(HttpServletResponse response) throws IOException {
        ProblemResponse.write(
                response,
                HttpStatus.BAD_REQUEST,
                "Ongeldige invoer",
                "Expressies (zoals ${...}) zijn in deze zoekopdracht niet toegestaan; er is niets gewijzigd.");
    }
}
