package nl.citydeal.engine.system.web;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.system.PersonNames;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@CityDealSpringTest
@AutoConfigureMockMvc
class HomeControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    PersonNames people;

    @Test
    void anonymousVisitorIsSentToTheDutchLoginPage() throws Exception {
        mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("http://localhost/login"));
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Inloggen")))
                .andExpect(header().string("Content-Security-Policy", Matchers.containsString("default-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    @Test
    void loggedInUserSeesWhoIsLoggedInAndWhereToGoNext() throws Exception {
        // by name where the identity service has one (the test contexts share their users), else by id
        mvc.perform(get("/").with(user("petra")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(people.nameOf("petra"))))
                .andExpect(content().string(Matchers.containsString("/camunda/app/tasklist/")));
    }

    @Test
    void loginWithTheAdministratorsPasswordSucceedsAndAWrongOneFails() throws Exception {
        mvc.perform(post("/login").with(csrf()).param("username", "test-admin").param("password", "Test-Beheer-2026!"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(post("/login").with(csrf()).param("username", "test-admin").param("password", "wrong"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void loginWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/login").param("username", "test-admin").param("password", "Test-Beheer-2026!"))
                .andExpect(status().isForbidden());
    }
}
