package nl.citydeal.engine.identity;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The other half of {@link WebappSingleSignOn}: who logged in on Camunda's own login page (Tasklist, Cockpit, Admin,
 * Welcome) and follows the webapps' link back to the portfolio opens the pages as that user, without a second login.
 * On a page request without a page login, the session's webapp login for the engine becomes the page login, with
 * the roles of the groups the webapp login holds (as {@link CamundaIdentityAuthenticationProvider} derives them),
 * kept in the session like a form login. A page login that exists is never replaced.
 */
final class WebappLoginForPages extends OncePerRequestFilter {

    private final String engineName;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    WebappLoginForPages(String engineName) {
        this.engineName = engineName;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication page = SecurityContextHolder.getContext().getAuthentication();
        if (page == null || page instanceof AnonymousAuthenticationToken) {
            Optional<UserAuthentication> webapp = WebappSession.user(request, engineName);
            if (webapp.isPresent()) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(pageLogin(webapp.get()));
                SecurityContextHolder.setContext(context);
                contexts.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }

    static Authentication pageLogin(UserAuthentication webapp) {
        List<SimpleGrantedAuthority> authorities = webapp.getGroupIds() == null
                ? List.of()
                : webapp.getGroupIds().stream()
                        .flatMap(group -> Role.ofGroup(group).stream())
                        .map(role -> new SimpleGrantedAuthority(role.authority()))
                        .toList();
        return UsernamePasswordAuthenticationToken.authenticated(webapp.getIdentityId(), null, authorities);
    }
}
