package dev.mailroom.intake.rules;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.mailroom.web.FieldError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/** A rule body of the wrong JSON shape (text where a list belongs, "yes" for enabled) answered with the field named. */
@RestControllerAdvice(assignableTypes = IncomingRuleController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RuleJsonProblems {

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        FieldError error = e.getCause() instanceof JacksonException json && !json.getPath().isEmpty()
                ? new FieldError(path(json), expected(json))
                : new FieldError("body", "must be JSON: a rule object, or for /order the list of rule ids");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, error.field() + ": " + error.message());
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(error));
        return problem;
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append(path.isEmpty() ? "ids" : "").append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(JacksonException e) {
        Class<?> type = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (type == null) {
            return "has an unreadable value";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "must be a number";
        }
        if (List.class.isAssignableFrom(type)) {
            return "must be a list";
        }
        if (type == String.class) {
            return "must be text";
        }
        return "must be an object";
    }
}
