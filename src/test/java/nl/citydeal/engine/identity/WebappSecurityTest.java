package nl.citydeal.engine.identity;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the Camunda webapps' API gives away: Admin's first-run setup (CVE-2026-77226) to no one, Cockpit's plugin
 * API only to Cockpit users, the user directory with its e-mail addresses not to deal leads. The server of
 * {@link AccessControlTest}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.generate-unique-process-engine-name=false")
@ActiveProfiles("test")
class WebappSecurityTest {

    static final String LEAD = "web-lead";
    static final String OTHER_LEAD = "web-lead-two";
    static final String OFFICE = "web-office";
    static final String ADMIN = "web-admin";
    static final String METRICS = "/camunda/api/engine/engine/default/metrics/activity-instance-start/sum";
    static final String ADMIN_PLUGIN_METRICS =
            "/camunda/api/admin/plugin/adminPlugins/default/metrics/aggregated?groupBy=year&subscriptionStartDate=2026-01-01";
    static final String STATISTICS = "/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    SecurityHttp http;

    @BeforeEach
    void setUp() {
        http = new SecurityHttp(port);
        SecurityHttp.user(identityService, LEAD, Role.DEAL_LEAD);
        SecurityHttp.user(identityService, OTHER_LEAD, Role.DEAL_LEAD);
        SecurityHttp.user(identityService, OFFICE, Role.PROGRAMME_OFFICE);
        SecurityHttp.user(identityService, ADMIN, Role.ADMINISTRATOR);
    }

    @Test
    void theWebappsCopyOfTheEngineMetricsIsForAdministratorsOnly() throws Exception {
        HttpResponse<String> lead = http.webappLogin(LEAD, "tasklist").get(METRICS);
        HttpResponse<String> office = http.webappLogin(OFFICE, "cockpit").get(METRICS);
        HttpResponse<String> anonymous = http.webappAnonymous().get(METRICS);
        HttpResponse<String> admin = http.webappLogin(ADMIN, "admin").get(METRICS);

        assertThat(lead.statusCode()).isEqualTo(403);
        assertThat(lead.body()).contains("Alleen beheerders zien de cijfers van de engine.");
        assertThat(office.statusCode()).isEqualTo(403);
        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(admin.statusCode()).as(admin.body()).isEqualTo(200);
        assertThat(admin.body()).contains("result");
    }

    @Test
    void cockpitsListOfEveryVersionOfAProcessWorksWithinTheQueryLimitWhichEngineRestClientsKeep() throws Exception {
        String versions = "/camunda/api/engine/engine/default/process-definition?key=city-deal&sortBy=version"
                + "&sortOrder=desc&withoutTenantId=true";

        HttpResponse<String> cockpit = http.webappLogin(OFFICE, "cockpit").get(versions);
        HttpResponse<String> client = SecurityHttp.send(
                http.request("/engine-rest/process-definition?key=city-deal&sortBy=version&sortOrder=desc", OFFICE)
                        .GET()
                        .build());

        assertThat(cockpit.statusCode()).as(cockpit.body()).isEqualTo(200);
        assertThat(cockpit.body()).contains("\"key\":\"city-deal\"");
        assertThat(client.statusCode()).isEqualTo(400);
        assertThat(client.body())
                .contains("Een lijst wordt per pagina opgevraagd: geef maxResults mee")
                .doesNotContain("unbound");
    }

    @Test
    void whoLogsInOnThePagesOpensTasklistWithoutASecondLoginAndLoggingOutThereEndsBothLogins() throws Exception {
        SecurityHttp.WebappBrowser browser = http.pageLogin(OFFICE);

        HttpResponse<String> tasklist = browser.get("/camunda/app/tasklist/default/");
        HttpResponse<String> user = browser.get("/camunda/api/admin/auth/user/default");
        HttpResponse<String> cockpitCall = browser.get("/camunda/api/engine/engine/default/task/count");

        assertThat(tasklist.statusCode()).isEqualTo(200);
        assertThat(user.statusCode()).as(user.body()).isEqualTo(200);
        assertThat(user.body()).contains("\"userId\":\"" + OFFICE + "\"", "tasklist");
        assertThat(cockpitCall.statusCode()).as(cockpitCall.body()).isEqualTo(200);

        HttpResponse<String> logout = browser.send("POST", "/camunda/api/admin/auth/user/default/logout", "");
        HttpResponse<String> pageAfter = browser.client()
                .send(HttpRequest.newBuilder(http.uri("/")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> webappAfter = browser.get("/camunda/api/admin/auth/user/default");

        assertThat(logout.statusCode()).as(logout.body()).isLessThan(300);
        assertThat(pageAfter.statusCode()).isEqualTo(302);
        assertThat(pageAfter.headers().firstValue("Location"))
                .hasValueSatisfying(url -> assertThat(url).endsWith("/login"));
        assertThat(webappAfter.statusCode()).isEqualTo(404);
    }

    @Test
    void whoLogsInOnCamundasLoginPageOpensThePagesWithoutASecondLoginWithTheRolesOfTheirGroups() throws Exception {
        SecurityHttp.WebappBrowser lead = http.webappLogin(LEAD, "tasklist");
        SecurityHttp.WebappBrowser admin = http.webappLogin(ADMIN, "admin");

        HttpResponse<String> portfolio = page(lead, "/");
        HttpResponse<String> leadOnAdmin = page(lead, "/admin");
        HttpResponse<String> adminOnAdmin = page(admin, "/admin");

        assertThat(portfolio.statusCode()).isEqualTo(200);
        assertThat(portfolio.body()).contains("Uw deals als dealtrekker.").contains(LEAD);
        assertThat(leadOnAdmin.statusCode()).isEqualTo(403);
        assertThat(adminOnAdmin.statusCode()).as(adminOnAdmin.body()).isEqualTo(200);
    }

    @Test
    void withoutAnyLoginThePagesStillAskForOne() throws Exception {
        HttpResponse<String> page = page(http.webappAnonymous(), "/");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location"))
                .hasValueSatisfying(url -> assertThat(url).endsWith("/login"));
    }

    /** A page as a browser asks for it (HTML, not JSON). */
    private HttpResponse<String> page(SecurityHttp.WebappBrowser browser, String path) throws Exception {
        return browser.client()
                .send(
                        HttpRequest.newBuilder(http.uri(path))
                                .header("Accept", "text/html")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aWebappLoginOfAnotherUserStaysWhenThePagesAreLoggedInToo() throws Exception {
        SecurityHttp.WebappBrowser office = http.pageLogin(OFFICE);
        office.get("/camunda/app/tasklist/default/");
        HttpResponse<String> login = office.client()
                .send(
                        HttpRequest.newBuilder(http.uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("X-XSRF-TOKEN", office.csrfToken())
                                .POST(HttpRequest.BodyPublishers.ofString("username=" + LEAD + "&password="
                                        + java.net.URLEncoder.encode(
                                                SecurityHttp.PASSWORD, java.nio.charset.StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(office.get("/camunda/api/admin/auth/user/default").body()).contains("\"userId\":\"" + LEAD + "\"");
    }

    @Test
    void cockpitsTaskDashboardNamesTheCandidateGroupsByAQueryWhosePageIsInItsBody() throws Exception {
        // Cockpit's task dashboard posts {"idIn": [...], "maxResults": n}; the resource reads a page from the URL only
        String groups = "{\"idIn\": [\"programme-office\", \"deal-leads\"], \"maxResults\": 2}";

        HttpResponse<String> cockpit =
                http.webappLogin(ADMIN, "cockpit").send("POST", "/camunda/api/engine/engine/default/group", groups);
        HttpResponse<String> client = SecurityHttp.send(http.request("/engine-rest/group", ADMIN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(groups))
                .build());
        HttpResponse<String> tooMany = SecurityHttp.send(
                http.request("/engine-rest/group?maxResults=5000", ADMIN).GET().build());

        assertThat(cockpit.statusCode()).as(cockpit.body()).isEqualTo(200);
        assertThat(cockpit.body()).contains("\"id\":\"programme-office\"", "\"id\":\"deal-leads\"");
        assertThat(client.statusCode()).isEqualTo(400);
        assertThat(client.body()).contains("geef maxResults mee");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("Een pagina telt ten hoogste 2000 resultaten");
    }

    @Test
    void adminsPluginApiIsForAdministratorsOnly() throws Exception {
        HttpResponse<String> lead = http.webappLogin(LEAD, "tasklist").get(ADMIN_PLUGIN_METRICS);
        HttpResponse<String> office = http.webappLogin(OFFICE, "cockpit").get(ADMIN_PLUGIN_METRICS);
        HttpResponse<String> admin = http.webappLogin(ADMIN, "admin").get(ADMIN_PLUGIN_METRICS);

        assertThat(lead.statusCode()).isEqualTo(403);
        assertThat(lead.body()).contains("Alleen beheerders gebruiken Beheer.");
        assertThat(office.statusCode()).isEqualTo(403);
        assertThat(admin.statusCode()).as(admin.body()).isEqualTo(200);
    }

    @Test
    void adminSetupCreatesNoAdministratorEvenWhenTheAdminGroupHasNoDirectMember() throws Exception {
        List<String> administrators =
                identityService.createUserQuery().memberOfGroup(Role.ADMINISTRATOR.groupId()).list().stream()
                        .map(User::getId)
                        .toList();
        administrators.forEach(id -> identityService.deleteMembership(id, Role.ADMINISTRATOR.groupId()));
        try {
            SecurityHttp.WebappBrowser anonymous = http.webappAnonymous();

            HttpResponse<String> setup = anonymous.send(
                    "POST",
                    "/camunda/api/admin/setup/default/user/create",
                    "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"In\",\"lastName\":\"Dringer\",\"email\":\"in@evil.example\"},"
                            + "\"credentials\":{\"password\":\"intruder-password\"}}");

            assertThat(setup.statusCode()).isEqualTo(403);
            assertThat(identityService.createUserQuery().userId("intruder").count())
                    .isZero();
        } finally {
            administrators.forEach(id -> identityService.createMembership(id, Role.ADMINISTRATOR.groupId()));
        }
    }

    @Test
    void cockpitPluginApiIsRefusedToUsersWithoutCockpit() throws Exception {
        HttpResponse<String> lead = http.webappLogin(LEAD, "tasklist").get(STATISTICS);
        HttpResponse<String> office = http.webappLogin(OFFICE, "cockpit").get(STATISTICS);
        HttpResponse<String> anonymous = http.webappAnonymous().get(STATISTICS);

        assertThat(lead.statusCode()).isEqualTo(403);
        assertThat(lead.body()).contains("U hebt geen toegang tot Cockpit");
        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(office.statusCode()).as(office.body()).isEqualTo(200);
        assertThat(office.body()).contains("count");
    }

    @Test
    void dealLeadSeesOnlyTheirOwnProfileNotTheUserDirectory() throws Exception {
        SecurityHttp.WebappBrowser tasklist = http.webappLogin(LEAD, "tasklist");

        HttpResponse<String> webappUsers = tasklist.get("/camunda/api/engine/engine/default/user?maxResults=100");
        HttpResponse<String> ownProfile = tasklist.get("/camunda/api/engine/engine/default/user/" + LEAD + "/profile");
        HttpResponse<String> restUsers = SecurityHttp.send(
                http.request("/engine-rest/user?maxResults=100", LEAD).GET().build());
        HttpResponse<String> otherProfile =
                SecurityHttp.send(http.request("/engine-rest/user/" + OTHER_LEAD + "/profile", LEAD)
                        .GET()
                        .build());
        HttpResponse<String> officeUsers = SecurityHttp.send(
                http.request("/engine-rest/user?maxResults=100", OFFICE).GET().build());

        assertThat(webappUsers.statusCode()).isEqualTo(200);
        assertThat(webappUsers.body()).contains(LEAD + "@citydeal.example").doesNotContain(OTHER_LEAD, OFFICE);
        assertThat(ownProfile.statusCode()).isEqualTo(200);
        assertThat(ownProfile.body()).contains(LEAD + "@citydeal.example");
        assertThat(restUsers.statusCode()).isEqualTo(200);
        assertThat(restUsers.body())
                .contains(LEAD)
                .doesNotContain(OTHER_LEAD + "@citydeal.example", OFFICE + "@citydeal.example");
        assertThat(otherProfile.statusCode()).isIn(403, 404);
        assertThat(officeUsers.body()).contains(LEAD + "@citydeal.example", OTHER_LEAD + "@citydeal.example");
    }

    @Test
    void tasklistStillWorksForADealLead() throws Exception {
        SecurityHttp.WebappBrowser tasklist = http.webappLogin(LEAD, "tasklist");

        HttpResponse<String> filters =
                tasklist.get("/camunda/api/engine/engine/default/filter?resourceType=Task&maxResults=50");
        HttpResponse<String> authenticatedUser = tasklist.get("/camunda/api/admin/auth/user/default");

        assertThat(filters.statusCode()).isEqualTo(200);
        assertThat(filters.body()).contains("Mijn taken");
        assertThat(authenticatedUser.statusCode()).isEqualTo(200);
        assertThat(authenticatedUser.body()).contains(LEAD);
    }
}
