package nl.citydeal.engine.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The pages' Content Security Policy: scripts, styles and everything else from the app itself only, no inline script
 * or style. One exception, on the model editors ({@code /admin/models/**}) alone: dmn-js writes the bpmn.io watermark
 * (and the notice it opens) as markup with style attributes, and its licence forbids changing that code. Exactly
 * those attribute values are allowed there, by their hashes ({@code style-src-attr 'unsafe-hashes'}); any other style
 * attribute is still refused.
 */
final class ContentSecurityPolicy implements HeaderWriter {

    static final String HEADER = "Content-Security-Policy";

    static final String PAGES =
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'";

    /**
     * The style attributes of dmn-js-shared's {@code lib/util/PoweredByUtil.js} (dmn-js 17), as it writes them: the
     * logo, the link, the notice's lightbox, backdrop, box and its link.
     */
    static final List<String> BPMN_IO_WATERMARK_STYLES = List.of(
            "vertical-align:middle",
            "position: absolute; bottom: 15px; right: 15px; z-index: 100;",
            "z-index: 1001;position: fixed;top: 0;left: 0;right: 0;bottom: 0",
            "width: 100%;height: 100%;background: rgba(40,40,40,0.2)",
            "position: absolute;left: 50%;top: 40%;transform: translate(-50%);width: 260px;padding: 10px;"
                    + "background: white;box-shadow: 0 1px 4px rgba(0,0,0,0.3);"
                    + "font-family: Helvetica, Arial, sans-serif;font-size: 14px;display: flex;line-height: 1.3",
            "margin: 15px 20px 15px 10px; align-self: center;");

    static final String MODEL_EDITORS = PAGES + "; style-src-attr 'unsafe-hashes' "
            + BPMN_IO_WATERMARK_STYLES.stream()
                    .map(style -> "'sha256-" + sha256(style) + "'")
                    .collect(Collectors.joining(" "));

    private final RequestMatcher modelEditors =
            PathPatternRequestMatcher.withDefaults().matcher("/admin/models/**");

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader(HEADER, modelEditors.matches(request) ? MODEL_EDITORS : PAGES);
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
