package nl.citydeal.engine.identity;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import nl.citydeal.engine.system.SiteProperties;
import nl.citydeal.engine.system.web.ProblemResponse;

/**
 * Refuses every state-changing request that a browser sends from another site (403, problem+json), on every path
 * and ahead of every security chain, before any controller, the engine REST API or a Camunda webapp sees it.
 * A browser attaches credentials it cached (HTTP Basic, a session cookie) to a form another site posts; this
 * filter is what keeps such a post from deploying a model or importing deals.
 * <p>
 * Cross-site is what the browser says: {@code Sec-Fetch-Site: cross-site} or {@code same-site}, or an
 * {@code Origin} that is neither the request's own origin (scheme, host, port, as the proxy forwarded them) nor
 * that of {@code citydeal.base-url}. Requests without either header (curl, Camunda Modeler, Prometheus) and
 * {@code GET}, {@code HEAD}, {@code OPTIONS}, {@code TRACE} pass.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class CrossSiteRequestFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Origin siteOrigin;

    CrossSiteRequestFilter(SiteProperties site) {
        this.siteOrigin = Origin.parse(site.baseUrl());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT)) && crossSite(request)) {
            ProblemResponse.write(
                    response,
                    HttpStatus.FORBIDDEN,
                    "Verzoek van een andere website geweigerd",
                    "Dit verzoek komt van een andere website en is geweigerd; er is niets gewijzigd.");
            return;
        }
        chain.doFilter(request, response);
    }

    boolean crossSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            String site = fetchSite.strip().toLowerCase(Locale.ROOT);
            if (!site.equals("same-origin") && !site.equals("none")) {
                return true;
            }
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        Origin from = Origin.parse(origin);
        return from == null || !(from.equals(Origin.of(request)) || from.equals(siteOrigin));
    }

    /** Scheme, host and port of a URL; {@code null} for {@code Origin: null} and anything unparsable. */
    record Origin(String scheme, String host, int port) {

        static Origin parse(String url) {
            try {
                URI uri = URI.create(url.strip());
                if (uri.getScheme() == null || uri.getHost() == null) {
                    return null;
                }
                return new Origin(uri.getScheme(), uri.getHost(), uri.getPort());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        static Origin of(HttpServletRequest request) {
            return new Origin(request.getScheme(), request.getServerName(), request.getServerPort());
        }

        Origin {
            scheme = scheme.toLowerCase(Locale.ROOT);
            host = host.toLowerCase(Locale.ROOT);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            port = port >= 0 ? port : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
        }
    }
}
