package nl.citydeal.engine.identity;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.citydeal.engine.system.web.CachedBodyRequest;
import nl.citydeal.engine.system.web.PayloadProperties;
import nl.citydeal.engine.system.web.ProblemResponse;

/**
 * A new password that breaks the password policy is refused with 400 and the broken rules in Dutch, before the
 * engine sees it: through the engine REST API ({@code POST .../user/create}, {@code PUT .../user/{id}/credentials})
 * and the Admin webapp's copy of it. The engine refuses such a password itself too, but as a 500 with an English
 * message. The answer has the engine REST API's own error format ({@code type}, {@code message}), which Admin shows.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 25)
class PasswordPolicyFilter extends OncePerRequestFilter {

    private static final Pattern USER_PASSWORD = Pattern.compile(
            "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)/user/(?:(?<create>create)|(?<id>[^/]+)/credentials)/?$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final IdentityService identityService;
    private final PayloadProperties payload;

    PasswordPolicyFilter(IdentityService identityService, PayloadProperties payload) {
        this.identityService = identityService;
        this.payload = payload;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        return !(method.equals("POST") || method.equals("PUT"))
                || identityService.getPasswordPolicy() == null
                || !USER_PASSWORD
                        .matcher(request.getRequestURI()
                                .substring(request.getContextPath().length()))
                        .matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher path = USER_PASSWORD.matcher(
                request.getRequestURI().substring(request.getContextPath().length()));
        Optional<CachedBodyRequest> read = CachedBodyRequest.read(request, payload.maxBytes());
        if (!path.matches() || read.isEmpty()) {
            ProblemResponse.tooLarge(response, payload.maxBytes());
            return;
        }
        JsonNode body = read.get().json();
        if (body != null) {
            boolean create = path.group("create") != null;
            String password = text(create ? body.path("credentials").path("password") : body.path("password"));
            if (password != null) {
                User user = create ? profile(body.path("profile")) : existing(path.group("id"));
                PasswordPolicyResult result = identityService.checkPasswordAgainstPolicy(password, user);
                if (!result.isValid()) {
                    refuse(response, PasswordPolicyMessages.of(result.getViolatedRules()));
                    return;
                }
            }
        }
        chain.doFilter(read.get(), response);
    }

    /** The user as the request describes it, so the policy can check that the password holds none of its data. */
    private User profile(JsonNode profile) {
        String id = text(profile.path("id"));
        User user = identityService.newUser(id == null ? "" : id);
        user.setFirstName(text(profile.path("firstName")));
        user.setLastName(text(profile.path("lastName")));
        user.setEmail(text(profile.path("email")));
        return user;
    }

    private User existing(String id) {
        User user = identityService.createUserQuery().userId(id).singleResult();
        return user != null ? user : identityService.newUser(id);
    }

    private static void refuse(HttpServletResponse response, String message) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", "InvalidRequestException");
        error.put("message", message);
        response.resetBuffer();
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(JSON.writeValueAsBytes(error));
        response.flushBuffer();
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }
}
