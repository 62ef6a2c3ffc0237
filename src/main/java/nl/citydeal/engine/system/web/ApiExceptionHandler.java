package nl.citydeal.engine.system.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import nl.citydeal.engine.deal.InvalidDealException;
import nl.citydeal.engine.system.NotFoundException;

/**
 * Answers every API error as {@code application/problem+json}. Invalid input names each invalid field in
 * {@code errors} (field to message); no stack trace or internal message ever leaves the server.
 */
@RestControllerAdvice(basePackages = "nl.citydeal.engine")
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    public static final URI INVALID_INPUT = URI.create("https://citydeal.example/problems/invalid-input");
    public static final URI NOT_FOUND = URI.create("https://citydeal.example/problems/not-found");

    @ExceptionHandler(InvalidDealException.class)
    ProblemDetail invalidDeal(InvalidDealException e) {
        return invalidInput(Map.of(e.field(), e.getMessage()));
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setType(NOT_FOUND);
        problem.setTitle("Niet gevonden");
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.merge(error.getField(), error.getDefaultMessage(), (a, b) -> a + "; " + b);
        }
        e.getBindingResult().getGlobalErrors().forEach(error -> errors.put(error.getObjectName(), error.getDefaultMessage()));
        return ResponseEntity.badRequest().body(invalidInput(errors));
    }

    /** A 400 problem naming every invalid field. */
    public static ProblemDetail invalidInput(Map<String, String> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "De invoer is ongeldig; er is niets gewijzigd.");
        problem.setType(INVALID_INPUT);
        problem.setTitle("Ongeldige invoer");
        problem.setProperty("errors", errors);
        return problem;
    }
}
