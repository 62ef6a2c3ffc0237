package nl.citydeal.engine.processengine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.annotation.Priority;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.stereotype.Component;

/**
 * Bad input stays a 400, with its Dutch message as the whole message, in the engine REST API ({@code /engine-rest})
 * and in the webapps' copy of it that Tasklist calls ({@code /camunda/api/engine}). Their resources for starting a
 * process and completing or submitting a task wrap what the engine throws in an error of their own, with an English
 * prefix ("Cannot submit task form &lt;id&gt;: ...") and, for anything but Camunda's own form-field errors, as a 500,
 * also the Dutch message a listener or the form-field check gives for what the user entered ("'nobody' is geen
 * dealtrekker."). Such an answer, whose cause is a {@link BadUserRequestException} or a form field's validation error,
 * becomes a 400 with that cause's own message and in the API's own error format; every other error (also a 404 or
 * 403 of such a cause) is answered as
 * Camunda answers it. Registered ahead of Camunda's mapper for the same exception (a lower priority wins a tie in
 * Jersey): on the engine REST API's resource configuration, and, because the webapps' engine API is a Jersey
 * application of Camunda's own that no Spring customizer reaches, as a provider Jersey adds to the applications it
 * builds from an application class in this servlet context (the attribute {@value ServerProperties#PROVIDER_CLASSNAMES};
 * also the webapps' own plugin APIs, where the same rule holds). The engine's refusals of a query beyond
 * {@code query-max-results-limit}, which a REST client meets first ("An unbound number of results is forbidden!"),
 * are answered in Dutch and say what to send ({@link QueryLimitMapper}).
 */
@Component
class EngineRestBadInput implements ResourceConfigCustomizer, ServletContextInitializer {

    /** Camunda's own mappers have Jersey's default priority, 5000. */
    static final int PRIORITY = 100;

    @Override
    public void customize(ResourceConfig config) {
        config.register(BadInputMapper.class, PRIORITY);
        config.register(QueryLimitMapper.class, PRIORITY);
    }

    @Override
    public void onStartup(ServletContext servletContext) {
        // Jersey reads the servlet context's attributes as properties of the applications it builds from an
        // Application class (the webapps' APIs), not of a resource configuration handed to it (/engine-rest)
        Object providers = servletContext.getAttribute(ServerProperties.PROVIDER_CLASSNAMES);
        String mapper = BadInputMapper.class.getName() + "," + QueryLimitMapper.class.getName();
        servletContext.setAttribute(
                ServerProperties.PROVIDER_CLASSNAMES, providers == null ? mapper : providers + "," + mapper);
    }

    @Priority(PRIORITY)
    static final class BadInputMapper implements ExceptionMapper<RestException> {

        private final RestExceptionHandler camunda = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            Response.Status status = exception.getStatus();
            Throwable badInput =
                    status == Response.Status.INTERNAL_SERVER_ERROR || status == Response.Status.BAD_REQUEST
                            ? badInput(exception)
                            : null;
            if (badInput == null) {
                return camunda.toResponse(exception);
            }
            ExceptionDto error = ExceptionHandlerHelper.getInstance().fromException(badInput);
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(error)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .build();
        }

        /** The first cause that is bad input, or none. */
        private static Throwable badInput(RestException exception) {
            for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof BadUserRequestException || cause instanceof FormFieldValidationException) {
                    return cause;
                }
                if (cause.getCause() == cause) {
                    return null;
                }
            }
            return null;
        }
    }

    /**
     * The engine's refusal of a query without a page, or with one above the limit, in Dutch (a 400 as before); every
     * other refusal is answered as Camunda answers it. A mapper of this more specific exception wins over Camunda's
     * mapper of every engine exception.
     */
    @Priority(PRIORITY)
    static final class QueryLimitMapper implements ExceptionMapper<BadUserRequestException> {

        /** The engine's texts (QueryMaxResultsLimitUtil). */
        static final String UNBOUND = "An unbound number of results is forbidden!";

        static final Pattern EXCEEDED = Pattern.compile("Max results limit of (\\d+) exceeded!");

        private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(BadUserRequestException exception) {
            String dutch = dutch(exception.getMessage());
            if (dutch == null) {
                return camunda.toResponse(exception);
            }
            ExceptionDto error = ExceptionHandlerHelper.getInstance().fromException(exception);
            error.setMessage(dutch);
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(error)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .build();
        }

        static String dutch(String message) {
            if (UNBOUND.equals(message)) {
                return "Een lijst wordt per pagina opgevraagd: geef maxResults mee (en firstResult voor de volgende"
                        + " pagina's).";
            }
            Matcher exceeded = message == null ? null : EXCEEDED.matcher(message);
            if (exceeded != null && exceeded.matches()) {
                return "Een pagina telt ten hoogste %s resultaten: vraag met maxResults hoogstens zoveel op."
                        .formatted(exceeded.group(1));
            }
            return null;
        }
    }
}
