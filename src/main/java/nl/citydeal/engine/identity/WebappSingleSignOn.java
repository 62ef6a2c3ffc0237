package nl.citydeal.engine.identity;

import java.io.IOException;
import java.util.regex.Pattern;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One login for the pages and the webapps. Who logged in on the app's login page opens Tasklist, Cockpit and Admin
 * as that user without Camunda's login page: on a webapp request of a session that has no webapp login for the
 * engine yet, the user Spring Security authenticated becomes the webapp login (with their groups and the webapps
 * their authorizations allow, as Camunda's own login computes them). A webapp login made on Camunda's login page
 * stays as it is. Logging out in a webapp logs out of the pages too (the session ends), so that the next webapp
 * request does not log the user in again. Before this, logging in to Tasklist ended the pages' login.
 */
@Configuration(proxyBeanMethods = false)
class WebappSingleSignOn {

    /** Camunda's logout: {@code POST /camunda/api/admin/auth/user/{engine}/logout}. */
    static final Pattern LOGOUT = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/logout$");

    @Bean
    FilterRegistrationBean<SignOnFilter> webappSingleSignOnFilter(ProcessEngine engine) {
        FilterRegistrationBean<SignOnFilter> registration = new FilterRegistrationBean<>(new SignOnFilter(engine));
        registration.addUrlPatterns("/camunda/*");
        // after Spring Security, which knows the page login, and before the webapps' own authentication filter
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    static final class SignOnFilter extends OncePerRequestFilter {

        private final ProcessEngine engine;

        SignOnFilter(ProcessEngine engine) {
            this.engine = engine;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication page = SecurityContextHolder.getContext().getAuthentication();
            boolean loggedIn =
                    page != null && page.isAuthenticated() && !(page instanceof AnonymousAuthenticationToken);
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            if (loggedIn
                    && "POST".equals(request.getMethod())
                    && LOGOUT.matcher(path).matches()) {
                chain.doFilter(request, response);
                if (response.getStatus() < 400) { // not when Camunda refused it (no CSRF token)
                    new SecurityContextLogoutHandler().logout(request, response, page);
                }
                return;
            }
            if (loggedIn) {
                HttpSession session = request.getSession();
                Authentications webapp = AuthenticationUtil.getAuthsFromSession(session);
                if (!webapp.hasAuthenticationForProcessEngine(engine.getName())) {
                    webapp.addOrReplace(AuthenticationUtil.createAuthentication(engine, page.getName(), null, null));
                    AuthenticationUtil.updateSession(session, webapp);
                }
            }
            chain.doFilter(request, response);
        }
    }
}
