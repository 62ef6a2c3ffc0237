package nl.citydeal.engine.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;

/**
 * HTTP against the running test server for the security tests: Basic logins, multipart bodies, a browser session in
 * the Camunda webapps, and users of each role.
 */
final class SecurityHttp {

    static final String PASSWORD = AccessControlTest.PASSWORD;

    private final int port;

    SecurityHttp(int port) {
        this.port = port;
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    String origin() {
        return "http://localhost:" + port;
    }

    HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (user != null) {
            request.header("Authorization", basic(user));
        }
        return request;
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart body with one file part; {@link #boundary} goes in the Content-Type. */
    record Multipart(String boundary, String body) {

        static Multipart file(String partName, String fileName, String content) {
            String boundary = "----" + UUID.randomUUID();
            String body = "--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\nsecurity-test\r\n"
                    + "--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"" + partName + "\"; filename=\"" + fileName + "\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n"
                    + content + "\r\n"
                    + "--" + boundary + "--\r\n";
            return new Multipart(boundary, body);
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }
    }

    /**
     * A browser in the Camunda webapps: its session cookie and the webapp's CSRF token (XSRF-TOKEN cookie, which
     * changes with the session at login).
     */
    record WebappBrowser(HttpClient client, CookieManager cookies, SecurityHttp http) {

        String csrfToken() {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                    .reduce((first, second) -> second)
                    .orElseThrow()
                    .getValue();
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(
                    HttpRequest.newBuilder(http.uri(path))
                            .header("Accept", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
            return client.send(
                    HttpRequest.newBuilder(http.uri(path))
                            .header("X-XSRF-TOKEN", csrfToken())
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json")
                            .method(method, HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    /** Logs the user in to the webapp ({@code tasklist}, {@code cockpit}) as Tasklist's login page does. */
    WebappBrowser webappLogin(String user, String app) throws IOException, InterruptedException {
        WebappBrowser anonymous = webappAnonymous();
        HttpResponse<String> login = anonymous
                .client()
                .send(
                        HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/" + app))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("X-XSRF-TOKEN", anonymous.csrfToken())
                                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + PASSWORD))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
            throw new IllegalStateException("Login of " + user + " to " + app + " answered " + login.statusCode());
        }
        anonymous.get("/camunda/api/admin/auth/user/default"); // as the webapp does next: the new session's token
        return anonymous;
    }

    /** Logs the user in on the pages' login form ({@code /login}, with its CSRF token), as a browser does. */
    WebappBrowser pageLogin(String user) throws IOException, InterruptedException {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String form = browser.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
                .matcher(form);
        if (!token.find()) {
            throw new IllegalStateException("The login page has no CSRF token");
        }
        HttpResponse<String> login = browser.send(
                HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
                                + java.net.URLEncoder.encode(PASSWORD, java.nio.charset.StandardCharsets.UTF_8)
                                + "&_csrf=" + token.group(1)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 302
                || login.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("Page login of " + user + " answered " + login.statusCode());
        }
        return new WebappBrowser(browser, cookies, this);
    }

    /** A browser that opened Tasklist and holds its CSRF token, not logged in. */
    WebappBrowser webappAnonymous() throws IOException, InterruptedException {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        browser.send(
                HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).build(),
                HttpResponse.BodyHandlers.discarding());
        return new WebappBrowser(browser, cookies, this);
    }

    static void user(IdentityService identityService, String id, Role role) {
        TestUsers.ensure(identityService, id, PASSWORD, role);
    }
}
