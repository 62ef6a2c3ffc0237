package nl.citydeal.engine.system.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes an {@code application/problem+json} answer from a servlet filter, before Spring MVC or the engine REST
 * API is reached (where {@link ApiExceptionHandler} or Camunda would answer).
 */
public final class ProblemResponse {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemResponse() {}

    /** Answers with the status and a Dutch title and detail; nothing else is written after it. */
    public static void write(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
        response.flushBuffer();
    }

    /** Answers 413: the body is larger than {@code max} bytes, and nothing was changed. */
    public static void tooLarge(HttpServletResponse response, long max) throws IOException {
        ProblemResponse.write(
                response,
                HttpStatus.PAYLOAD_TOO_LARGE,
                "Te groot",
                "De inhoud is groter dan " + megabytes(max) + "; er is niets gewijzigd.");
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / 1024 / 1024 + " MB" : bytes / 1024 + " kB";
    }
}
