package nl.citydeal.engine.system;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code postgres} profile (production behind a TLS proxy): cookies only over HTTPS, the proxy's forwarded headers. */
class ProductionProfileTest {

    @Test
    void postgresProfileSendsEveryCookieOverHttpsOnlyAndTrustsTheProxysForwardedHeaders() throws Exception {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader()
                .load("application-postgres", new ClassPathResource("application-postgres.yaml"));
        PropertySource<?> postgres = sources.get(0);

        // the app's session cookie (JSESSIONID, also the webapps' session)
        assertThat(postgres.getProperty("server.servlet.session.cookie.secure")).isEqualTo(true);
        // the webapps' own cookie settings: their session cookie and their CSRF cookie XSRF-TOKEN
        assertThat(postgres.getProperty("camunda.bpm.webapp.session-cookie.enable-secure-cookie"))
                .isEqualTo(true);
        assertThat(postgres.getProperty("camunda.bpm.webapp.csrf.enable-secure-cookie"))
                .isEqualTo(true);
        // scheme, host and port as the browser used them (X-Forwarded-*), from the proxy only (Tomcat's RemoteIpValve)
        assertThat(postgres.getProperty("server.forward-headers-strategy")).isEqualTo("native");
    }
}
