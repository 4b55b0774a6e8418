package dev.mailroom.web;

import java.util.Arrays;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON body of the wrong shape (an unknown enum value, text where a number belongs) answered like any validation
 * failure: which field, and what it must be. The submitted value is never echoed, since it may be a password.
 */
public final class UnreadableJson {

    private UnreadableJson() {
    }

    /**
     * @param topLevelArray  the name given to a body that is itself a JSON array, so its items read {@code ids[1]}
     * @param whenUnparseable the message when the body is not JSON at all
     */
    public static ProblemDetail problem(HttpMessageNotReadableException e, String topLevelArray, String whenUnparseable) {
        FieldError error = e.getCause() instanceof JacksonException json && !json.getPath().isEmpty()
                ? new FieldError(path(json, topLevelArray), expected(json))
                : new FieldError("body", whenUnparseable);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, error.field() + ": " + error.message());
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(error));
        return problem;
    }

    private static String path(JacksonException e, String topLevelArray) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append(path.isEmpty() ? topLevelArray : "").append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(JacksonException e) {
        Class<?> type = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (type == null) {
            return "has an unreadable value";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
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
