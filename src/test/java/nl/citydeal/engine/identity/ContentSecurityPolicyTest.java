package nl.citydeal.engine.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages' CSP: no style attribute anywhere, but on the model editors the bpmn.io watermark's own ones (dmn-js
 * writes them in markup; its licence forbids changing that code), and only those.
 */
class ContentSecurityPolicyTest {

    @Test
    void everyPageButTheModelEditorsRefusesEveryStyleAttribute() {
        assertThat(header("/admin")).isEqualTo(ContentSecurityPolicy.PAGES).doesNotContain("unsafe");
        assertThat(header("/deals/1")).isEqualTo(ContentSecurityPolicy.PAGES);
        assertThat(header("/admin/modelsx")).isEqualTo(ContentSecurityPolicy.PAGES);
    }

    @Test
    void theModelEditorsAllowExactlyTheWatermarksStyleAttributesByTheirHashes() {
        String policy = header("/admin/models/prompt-schedule.dmn/edit");

        assertThat(policy)
                .startsWith(ContentSecurityPolicy.PAGES)
                .contains("style-src-attr 'unsafe-hashes' 'sha256-")
                .doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval");
        // sha256 of "vertical-align:middle", the logo's style attribute
        assertThat(policy).contains("'sha256-CA/eh4+2R0J7cEQ14gBMtx834RIOjzMUqCM+evtrkp4='");
        assertThat(policy.split("'sha256-")).hasSize(ContentSecurityPolicy.BPMN_IO_WATERMARK_STYLES.size() + 1);
    }

    @Test
    void theHashedStylesAreTheOnesTheBundledWatermarkWrites() throws IOException {
        String bundle = Files.readString(
                Path.of("src/main/resources/static/vendor/dmn-js/dmn-modeler.min.js"), StandardCharsets.UTF_8);

        assertThat(bundle)
                .contains("style=\"vertical-align:middle\"")
                .contains("style=\"position: absolute; bottom: 15px; right: 15px; z-index: 100;\"")
                .contains("style=\"margin: 15px 20px 15px 10px; align-self: center;\"")
                .contains("\"z-index: 1001\",\"position: fixed\"")
                .contains("\"background: rgba(40,40,40,0.2)\"")
                .contains("\"box-shadow: 0 1px 4px rgba(0,0,0,0.3)\"");
    }

    private static String header(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setServletPath(path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        new ContentSecurityPolicy().writeHeaders(request, response);
        return response.getHeader(ContentSecurityPolicy.HEADER);
    }
}
