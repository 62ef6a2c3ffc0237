package nl.citydeal.engine.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Camunda webapps speak Dutch and carry the City Deal Engine branding: our overrides in
 * {@code META-INF/resources/webjars/camunda/app/<app>/} against the English files shipped in the 7.24 webjar.
 */
class WebappLocaleTest {

    private static final String APP_ROOT = "META-INF/resources/webjars/camunda/app/";
    private static final String HIDDEN_BANNER = "BANNER_CE_EOL_TEXT";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");
    private static final Pattern MARKUP = Pattern.compile("</?(?:a|br|strong|b|i|em|code|p|span)\\b[^>]*>");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void dutchLocaleCoversEveryEnglishKey(String app) {
        Set<String> english = english(app).keySet();
        Set<String> dutch = dutch(app).keySet();
        assertThat(difference(english, dutch))
                .as("English keys missing in nl.json")
                .isEmpty();
        assertThat(difference(dutch, english))
                .as("keys in nl.json that en.json lacks")
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void dutchLocaleLeavesNoLabelBlankButTheHiddenEndOfLifeBanner(String app) {
        Map<String, String> english = english(app);
        Map<String, String> dutch = dutch(app);
        english.forEach((key, text) -> {
            if (key.endsWith("." + HIDDEN_BANNER)) {
                assertThat(dutch.get(key)).as(key).isEmpty();
            } else if (!text.isBlank()) {
                assertThat(dutch.get(key)).as(key).isNotBlank();
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void dutchLabelsKeepEveryPlaceholder(String app) {
        Map<String, String> dutch = dutch(app);
        english(app)
                .forEach((key, text) -> assertThat(matches(PLACEHOLDER, dutch.get(key)))
                        .as("%s in \"%s\"", key, dutch.get(key))
                        .containsAll(matches(PLACEHOLDER, text)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void dutchLabelsKeepTheHtmlMarkup(String app) {
        Map<String, String> dutch = dutch(app);
        english(app).forEach((key, text) -> {
            if (!key.endsWith("." + HIDDEN_BANNER)) {
                assertThat(matches(MARKUP, dutch.get(key)))
                        .as(key)
                        .containsExactlyInAnyOrderElementsOf(matches(MARKUP, text));
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tasklist", "cockpit", "admin"})
    void dutchDatesReadDayMonthYear(String app) {
        Map<String, String> dutch = dutch(app);
        assertThat(dutch.get("dateLocales.longDateFormat.L")).isEqualTo("DD-MM-YYYY");
        assertThat(dutch.get("dateLocales.months.2")).isEqualTo("maart");
        assertThat(dutch.get("dateLocales.weekdays.1")).isEqualTo("maandag");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void configOffersDutchOnlySoEveryBrowserGetsDutch(String app) {
        String config = text(app + "/scripts/config.js");
        assertThat(config)
                .containsPattern("export default webappConfig\\('[^']+'")
                .doesNotContain("locales:");
        assertThat(text("citydeal/webapp-config.js"))
                .containsPattern("availableLocales:\\s*\\[\\s*'nl'\\s*]")
                .containsPattern("fallbackLocale:\\s*'nl'")
                .containsPattern("vendor:\\s*'City Deal Engine'");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void configFormatsDatesAsDayMonthYear(String app) {
        String config = text(app + "/scripts/config.js");
        assertThat(config).contains("import webappConfig").contains("from '../../citydeal/webapp-config.js'");
        Matcher shared = Pattern.compile("dateFormat = \\{([^}]*)}").matcher(text("citydeal/webapp-config.js"));
        assertThat(shared.find()).as("dateFormat in webapp-config.js").isTrue();
        assertThat(shared.group(1)).contains("normal: 'DD-MM-YYYY HH:mm'").contains("short: 'DD-MM-YYYY'");
        // an app of its own may show times to the second, never another order of day, month and year
        Pattern.compile("normal: '([^']*)'")
                .matcher(config)
                .results()
                .forEach(own -> assertThat(own.group(1)).startsWith("DD-MM-YYYY HH:mm"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void ourConfigShadowsTheWebjarDefault(String app) {
        URL config = resource(app + "/scripts/config.js");
        assertThat(config.getProtocol()).as("first %s on the classpath", config).isNotEqualTo("jar");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void stylesheetHidesTheEndOfLifeBannerAndShowsOurLogo(String app) {
        assertThat(text(app + "/styles/user-styles.css")).contains("@import url(\"../../citydeal/webapps.css\")");
        String css = text("citydeal/webapps.css");
        assertThat(css)
                .containsPattern("\\.ce-eol-banner\\s*\\{\\s*display:\\s*none")
                .contains("url(\"city-deal-logo.svg\")")
                .contains("#00689e");
        assertThat(text("citydeal/city-deal-logo.svg")).contains("<svg").contains("#00689e");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyWebappTakesItsBrandingFromTheOneSharedStylesheet(String app) {
        String ownRules = text(app + "/styles/user-styles.css")
                .replaceAll("(?s)/\\*.*?\\*/", "")
                .replace("@import url(\"../../citydeal/webapps.css\");", "");
        assertThat(ownRules).isBlank();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tasklist", "cockpit"})
    void webappsWithAHeaderPluginPointLinkBackToThePortfolioThroughIt(String app) {
        assertThat(text(app + "/scripts/config.js"))
                .containsPattern("customScripts:\\s*\\[[^\\]]*'scripts/portfolio-link'");
        assertThat(text(app + "/scripts/portfolio-link.js"))
                .contains("portfolioPlugin('"
                        + (app.equals("tasklist") ? "tasklist.navbar.action" : "cockpit.navigation") + "')");
        assertThat(text("citydeal/portfolio-link.js"))
                .contains("link.href = '/'")
                .contains("'Portfolio'");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"admin", "welcome"})
    void webappsWithoutAHeaderPluginPointGetTheLinkFromTheSharedHeaderScript(String app) {
        assertThat(text(app + "/scripts/config.js"))
                .containsPattern("customScripts:\\s*\\[[^\\]]*'\\.\\./citydeal/header-portfolio-link'");
    }

    @Test
    void tasklistListsTasksByDueDateUnlessTheUserChoseAnotherOrder() {
        assertThat(text("tasklist/scripts/config.js"))
                .containsPattern("customScripts:\\s*\\[[^\\]]*'scripts/due-date-sorting'");
        assertThat(text("tasklist/scripts/due-date-sorting.js"))
                .contains("sortBy: 'dueDate', sortOrder: 'asc'")
                .contains("indexOf('sorting=') !== -1");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cockpit", "admin", "welcome"})
    void appsThatIgnoreConfiguredDateFormatsGetThemFromACustomScript(String app) {
        assertThat(text(app + "/scripts/config.js"))
                .containsPattern("customScripts:\\s*\\[[^\\]]*'\\.\\./citydeal/date-format'\\s*]");
        assertThat(text("citydeal/date-format.js"))
                .contains("'" + app + "'")
                .contains("module('cam.' + app)")
                .contains("setDateFormat");
    }

    private static Map<String, String> english(String app) {
        return flatten(app + "/locales/en.json");
    }

    private static Map<String, String> dutch(String app) {
        return flatten(app + "/locales/nl.json");
    }

    /** Every leaf of a locale file under a dotted key ({@code labels.TASKS}, {@code dateLocales.months.0}). */
    private static Map<String, String> flatten(String path) {
        try (InputStream in = resource(path).openStream()) {
            Map<String, String> leaves = new LinkedHashMap<>();
            flatten("", JSON.readTree(in), leaves);
            return leaves;
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> leaves) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> flatten(prefix + field.getKey() + ".", field.getValue(), leaves));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + i + ".", node.get(i), leaves);
            }
        } else {
            leaves.put(prefix.substring(0, prefix.length() - 1), node.asText());
        }
    }

    private static Set<String> difference(Set<String> keys, Set<String> without) {
        Set<String> rest = new TreeSet<>(keys);
        rest.removeAll(without);
        return rest;
    }

    private static List<String> matches(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text == null ? "" : text);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.groupCount() > 0 ? matcher.group(1) : matcher.group());
        }
        return found;
    }

    private static String text(String path) {
        try (InputStream in = resource(path).openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }

    /** The first resource on the classpath, as Spring Boot serves it. */
    private static URL resource(String path) {
        URL url = WebappLocaleTest.class.getClassLoader().getResource(APP_ROOT + path);
        assertThat(url).as(APP_ROOT + path).isNotNull();
        return url;
    }
}
