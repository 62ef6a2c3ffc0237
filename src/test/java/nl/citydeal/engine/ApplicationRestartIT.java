package nl.citydeal.engine;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import nl.citydeal.engine.processengine.CityDealProcess;
import nl.citydeal.engine.processengine.ModelDeployer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The application as a user starts it: on a file database, with the demo profile (as {@code ./mvnw spring-boot:run}
 * starts it), twice in a row; and without the demo (as the jar and the image start it), where an administrator
 * password must be given and no demo data appears.
 */
class ApplicationRestartIT {

    @TempDir
    Path dataDir;

    @Test
    void restartKeepsDataAndDeploysNothingTwice() throws Exception {
        long deployments;
        long deals;
        try (ConfigurableApplicationContext app = start("--spring.profiles.active=demo")) {
            deployments = app.getBean(RepositoryService.class)
                    .createDeploymentQuery()
                    .deploymentName(ModelDeployer.DEPLOYMENT_NAME)
                    .count();
            deals = app.getBean(HistoryService.class)
                    .createHistoricProcessInstanceQuery()
                    .processDefinitionKey(CityDealProcess.KEY)
                    .count();
            assertThat(deployments).isEqualTo(1);
            assertThat(deals).isPositive();
            assertThat(app.getBean(IdentityService.class)
                            .createUserQuery()
                            .userId("anna")
                            .count())
                    .isEqualTo(1);

            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            assertThat(get(port, "/actuator/health").body()).contains("\"status\":\"UP\"");
            HttpResponse<String> tasklist = get(port, "/camunda/app/tasklist/", HttpClient.Redirect.NORMAL);
            assertThat(tasklist.statusCode()).isEqualTo(200);
            assertThat(tasklist.body()).contains("<html");
            assertThat(get(port, "/engine-rest/process-definition").statusCode())
                    .isEqualTo(401);
            assertThat(get(port, "/").headers().firstValue("Location"))
                    .hasValueSatisfying(url -> assertThat(url).endsWith("/login"));
        }
        try (ConfigurableApplicationContext app = start("--spring.profiles.active=demo")) {
            assertThat(app.getBean(RepositoryService.class)
                            .createDeploymentQuery()
                            .deploymentName(ModelDeployer.DEPLOYMENT_NAME)
                            .count())
                    .isEqualTo(deployments);
            assertThat(app.getBean(HistoryService.class)
                            .createHistoricProcessInstanceQuery()
                            .processDefinitionKey(CityDealProcess.KEY)
                            .count())
                    .isEqualTo(deals);
        }
    }

    /** In a JVM of its own: a context that failed to start leaves the Camunda webapp filters behind. */
    @Test
    void startWithoutDemoRefusesToRunWithoutAnAdministratorPassword() throws Exception {
        String output = startRefused("--spring.profiles.active=production");
        assertThat(output)
                .contains(
                        "No administrator exists in the database. Set the environment variable CITYDEAL_ADMIN_PASSWORD");
    }

    /** The jar as {@code java -jar} and the image start it: no profile at all is no demo. */
    @Test
    void startWithoutAnyProfileRefusesToRunWithoutAnAdministratorPassword() throws Exception {
        String output = startRefused();
        assertThat(output)
                .contains(
                        "No administrator exists in the database. Set the environment variable CITYDEAL_ADMIN_PASSWORD");
    }

    @Test
    void startWithoutAnyProfileCreatesNoDemoUsersOrDeals() {
        try (ConfigurableApplicationContext app = start("--citydeal.admin.password=Start-Wachtw00rd!")) {
            IdentityService identity = app.getBean(IdentityService.class);
            assertThat(identity.createUserQuery().list())
                    .extracting(u -> u.getId())
                    .containsExactly("admin");
            assertThat(identity.checkPassword("admin", "demo")).isFalse();
            assertThat(app.getBean(HistoryService.class)
                            .createHistoricProcessInstanceQuery()
                            .count())
                    .isZero();
        }
    }

    @Test
    void theDemoProfileRefusesAPostgresDatabase() {
        // refused while the environment is prepared, before a context (or a database connection) exists
        assertThatThrownBy(() -> new SpringApplicationBuilder(CityDealEngineApplication.class)
                        .run(
                                "--spring.profiles.active=demo,postgres",
                                "--server.port=0",
                                "--spring.datasource.url=jdbc:postgresql://localhost:5432/citydeal?password=geheim"))
                .hasMessageContaining(
                        "The demo profile creates users with the password 'demo' and demo deals; it refuses "
                                + "to run on PostgreSQL (jdbc:postgresql://localhost:5432/citydeal)")
                .hasMessageNotContaining("geheim");
    }

    @Test
    void aWeakAdministratorPasswordIsRefusedAtStart() throws Exception {
        String output = startRefused("--citydeal.admin.password=a");
        assertThat(output).contains("CITYDEAL_ADMIN_PASSWORD does not meet the password policy");
    }

    /** Starts the app in a JVM of its own without CITYDEAL_ADMIN_PASSWORD and any profile from the environment; returns its output. */
    private String startRefused(String... extraArgs) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CityDealEngineApplication.class.getName(),
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("refused"),
                "--server.port=0",
                "--camunda.bpm.job-execution.enabled=false"));
        command.addAll(List.of(extraArgs));
        ProcessBuilder java = new ProcessBuilder(command).redirectErrorStream(true);
        java.environment().remove("CITYDEAL_ADMIN_PASSWORD");
        java.environment().remove("SPRING_PROFILES_ACTIVE");
        Process app = java.start();
        String output = new String(app.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(app.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(app.exitValue()).isNotZero();
        return output;
    }

    @Test
    void startWithoutDemoCreatesOnlyTheAdministratorFromTheEnvironment() {
        try (ConfigurableApplicationContext app = start(
                "--spring.profiles.active=production",
                "--citydeal.admin.user=beheer",
                "--citydeal.admin.password=S3cret-from-env")) {
            IdentityService identity = app.getBean(IdentityService.class);
            assertThat(identity.createUserQuery().list())
                    .extracting(u -> u.getId())
                    .containsExactly("beheer");
            assertThat(identity.checkPassword("beheer", "S3cret-from-env")).isTrue();
            assertThat(app.getBean(HistoryService.class)
                            .createHistoricProcessInstanceQuery()
                            .count())
                    .isZero();
        }
    }

    private ConfigurableApplicationContext start(String... extraArgs) {
        String[] args = new String[extraArgs.length + 3];
        args[0] = "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("city-deal-engine");
        args[1] = "--server.port=0";
        args[2] = "--camunda.bpm.job-execution.enabled=false";
        System.arraycopy(extraArgs, 0, args, 3, extraArgs.length);
        return new SpringApplicationBuilder(CityDealEngineApplication.class).run(args);
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return get(port, path, HttpClient.Redirect.NEVER);
    }

    private static HttpResponse<String> get(int port, String path, HttpClient.Redirect redirect) throws Exception {
        return HttpClient.newBuilder()
                .followRedirects(redirect)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
