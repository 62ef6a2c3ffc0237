package nl.citydeal.engine.processengine;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Bad input stays a 400 in the engine REST API. Some of its resources (starting a process, completing a task)
 * wrap whatever the engine throws in a 500, also the Dutch message a listener or the form-field check gives for
 * what the user entered ("'nobody' is geen dealtrekker."). Such an answer, whose cause is a
 * {@link BadUserRequestException} or a form field's validation error, becomes the 400 that the same error gets
 * elsewhere in the API, with the cause's own message and in the API's own error format; every other error is
 * answered as Camunda answers it. Registered ahead of Camunda's mapper for the same exception (a lower priority
 * wins a tie in Jersey).
 */
@Component
class EngineRestBadInput implements ResourceConfigCustomizer {

    /** Camunda's own mappers have Jersey's default priority, 5000. */
    static final int PRIORITY = 100;

    @Override
    public void customize(ResourceConfig config) {
        config.register(BadInputMapper.class, PRIORITY);
    }

    static final class BadInputMapper implements ExceptionMapper<RestException> {

        private final RestExceptionHandler camunda = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            Throwable cause = exception.getCause();
            if (exception.getStatus() == Response.Status.INTERNAL_SERVER_ERROR
                    && (cause instanceof BadUserRequestException || cause instanceof FormFieldValidationException)) {
                ExceptionDto error = ExceptionHandlerHelper.getInstance().fromException(cause);
                return Response.status(Response.Status.BAD_REQUEST)
                        .entity(error)
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .build();
            }
            return camunda.toResponse(exception);
        }
    }
}
