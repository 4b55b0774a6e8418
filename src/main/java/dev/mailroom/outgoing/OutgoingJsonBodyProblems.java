package dev.mailroom.outgoing;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.mailroom.web.UnreadableJson;

/** Outgoing-server bodies of the wrong JSON shape answered with the field named ({@link UnreadableJson}). */
@RestControllerAdvice(assignableTypes = OutgoingServerController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class OutgoingJsonBodyProblems {

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return UnreadableJson.problem(e, "", "must be a JSON object");
    }
}
