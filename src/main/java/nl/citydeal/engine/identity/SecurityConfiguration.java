package nl.citydeal.engine.identity;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Nothing is open but health and the calendar feed by its secret address ({@code /calendar/{token}.ics}, the token
 * is the credential): the APIs ({@code /api/**}, {@code /engine-rest/**}) and the metrics for
 * Prometheus ({@code /actuator/prometheus}, administrators only) take HTTP Basic without a session, the
 * app's pages a form login with CSRF protection. The Camunda webapps under {@code /camunda} log in against the
 * same identity service with their own login and CSRF filter; one login serves both ({@link WebappSingleSignOn},
 * {@link WebappLoginForPages}). The engine REST API runs as the authenticated
 * user, so the engine's authorizations apply there.
 * <p>
 * Around the chains: {@link CrossSiteRequestFilter} (ahead of all: no state-changing request from another site),
 * {@link TaskQueryExpressionFilter} (no expressions in callers' task queries) and {@link WebappApiAccessFilter}
 * (the webapps' APIs over every deal only for the users of the webapp that shows them).
 */
@Configuration
public class SecurityConfiguration {

    static final String PROMETHEUS = "/actuator/prometheus";
    static final String REALM = "City Deal Engine";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider)
            throws Exception {
        return http.securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**"), path(PROMETHEUS)))
                .authenticationProvider(provider)
                .authorizeHttpRequests(requests -> requests
                        // metrics: scraped by Prometheus with an administrator's login (README, "Health and metrics")
                        .requestMatchers(path(PROMETHEUS))
                        .hasAuthority(Role.ADMINISTRATOR.authority())
                        // the engine's metrics (activity of every deal): administrators only
                        .requestMatchers(path("/engine-rest/metrics/**"), path("/engine-rest/engine/*/metrics/**"))
                        .hasAuthority(Role.ADMINISTRATOR.authority())
                        // deploy and migrate: administrators only (also /engine-rest/engine/{name}/..., the named
                        // engine)
                        .requestMatchers(
                                path("/api/admin/**"),
                                path(HttpMethod.POST, "/engine-rest/deployment/**"),
                                path(HttpMethod.POST, "/engine-rest/engine/*/deployment/**"),
                                path(HttpMethod.DELETE, "/engine-rest/deployment/**"),
                                path(HttpMethod.DELETE, "/engine-rest/engine/*/deployment/**"),
                                path("/engine-rest/migration/**"),
                                path("/engine-rest/engine/*/migration/**"),
                                // tests any user's password (and counts towards that user's login lock)
                                path("/engine-rest/identity/verify"),
                                path("/engine-rest/engine/*/identity/verify"))
                        .hasAuthority(Role.ADMINISTRATOR.authority())
                        .requestMatchers(
                                path(HttpMethod.POST, "/api/deals"),
                                path(HttpMethod.POST, "/api/deals/import"),
                                path(HttpMethod.PUT, "/api/deals/*/term"),
                                path(HttpMethod.PUT, "/api/deals/*/lead"))
                        .hasAnyAuthority(Role.PROGRAMME_OFFICE.authority(), Role.ADMINISTRATOR.authority())
                        .anyRequest()
                        .authenticated())
                // a browser gets no Basic challenge, so it caches no credentials to send along with other sites' posts
                .httpBasic(basic ->
                        basic.realmName(REALM).authenticationEntryPoint(new BrowserAwareBasicEntryPoint(REALM)))
                .exceptionHandling(
                        exceptions -> exceptions.authenticationEntryPoint(new BrowserAwareBasicEntryPoint(REALM)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * The OpenAPI document: read by API clients with HTTP Basic, and by Swagger UI in a browser with the login of the
     * app's pages (its session). It only answers GETs, so the session is no cross-site risk here.
     */
    @Bean
    @Order(0)
    SecurityFilterChain apiDocsSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider)
            throws Exception {
        return http.securityMatcher(path("/v3/api-docs/**"))
                .authenticationProvider(provider)
                .authorizeHttpRequests(requests -> requests.requestMatchers(path(HttpMethod.GET, "/v3/api-docs/**"))
                        .authenticated()
                        .anyRequest()
                        .denyAll())
                .httpBasic(basic ->
                        basic.realmName(REALM).authenticationEntryPoint(new BrowserAwareBasicEntryPoint(REALM)))
                .exceptionHandling(
                        exceptions -> exceptions.authenticationEntryPoint(new BrowserAwareBasicEntryPoint(REALM)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .build();
    }

    /**
     * The calendar feed by its secret subscription address ({@code GET /calendar/{token}.ics}): the token is the
     * credential, so no login, no session and no CSRF token (it only answers GETs; anything else is refused). An
     * unknown token is the controller's 404, never a 401 or 403. No caching and no Referer, so the address stays
     * where it was pasted.
     */
    @Bean
    @Order(0)
    SecurityFilterChain calendarSubscriptionSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher(path("/calendar/**"))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                path(HttpMethod.GET, "/calendar/*"), path(HttpMethod.HEAD, "/calendar/*"))
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.cacheControl(cache -> cache.disable())
                        .contentSecurityPolicy(
                                csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain camundaWebappSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher(path("/camunda/**"))
                .authorizeHttpRequests(requests -> requests
                        // deploy and migrate only through /engine-rest or /api/admin, where administrators are checked
                        .requestMatchers(
                                path(HttpMethod.POST, "/camunda/api/engine/engine/*/deployment/**"),
                                path("/camunda/api/engine/engine/*/migration/**"),
                                // the webapps never call it; administrators have it at /engine-rest
                                path("/camunda/api/engine/engine/*/identity/verify"))
                        .denyAll()
                        // Admin's first-run setup creates an administrator for anyone while camunda-admin has no
                        // direct member (CVE-2026-77226, unfixed in the community edition); the first administrator
                        // comes from citydeal.admin (IdentityBootstrap)
                        .requestMatchers(path("/camunda/api/admin/setup/**"))
                        .denyAll()
                        .anyRequest()
                        .permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pageSecurity(
            HttpSecurity http, CamundaIdentityAuthenticationProvider provider, ProcessEngine engine) throws Exception {
        return http.authenticationProvider(provider)
                .addFilterBefore(new WebappLoginForPages(engine.getName()), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                path("/actuator/health/**"), path("/css/**"), path("/favicon.ico"), path("/error"))
                        .permitAll()
                        .requestMatchers(path("/admin/**"))
                        .hasAuthority(Role.ADMINISTRATOR.authority())
                        .requestMatchers(path("/instellingen/afwijkingen"))
                        .hasAnyAuthority(Role.PROGRAMME_OFFICE.authority(), Role.ADMINISTRATOR.authority())
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .headers(headers -> headers.addHeaderWriter(new ContentSecurityPolicy())
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /** Matches by path alone: the engine REST API is a servlet of its own, next to Spring MVC's. */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }

    /** Sets the user Spring Security authenticated as the engine's current user for every engine REST call. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setInitParameters(Map.of(
                ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                ContainerBasedAuthenticationProvider.class.getName()));
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }
}
