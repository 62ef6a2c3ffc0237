package nl.citydeal.engine.identity;

import java.io.IOException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

import nl.citydeal.engine.system.web.ProblemResponse;

/**
 * The 401 of the HTTP Basic APIs. Tools (curl, Camunda Modeler, Prometheus) get the {@code WWW-Authenticate: Basic}
 * challenge; a browser does not, so it never shows its login prompt and never caches credentials that it would
 * later send along with another site's form posts. A browser is a request with {@code Sec-Fetch-Mode} or
 * {@code Sec-Fetch-Site}, or one that accepts {@code text/html}.
 */
class BrowserAwareBasicEntryPoint implements AuthenticationEntryPoint {

    private final BasicAuthenticationEntryPoint challenge = new BasicAuthenticationEntryPoint();

    BrowserAwareBasicEntryPoint(String realmName) {
        challenge.setRealmName(realmName);
        challenge.afterPropertiesSet();
    }

    @Override
    public void commence(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException authException)
            throws IOException {
        if (browser(request)) {
            ProblemResponse.write(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "Niet ingelogd",
                    "Deze API vraagt om inloggegevens (HTTP Basic); log in op de pagina's van de applicatie of gebruik een API-client.");
            return;
        }
        challenge.commence(request, response, authException);
    }

    static boolean browser(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return request.getHeader("Sec-Fetch-Mode") != null
                || request.getHeader("Sec-Fetch-Site") != null
                || (accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains(MediaType.TEXT_HTML_VALUE));
    }
}
