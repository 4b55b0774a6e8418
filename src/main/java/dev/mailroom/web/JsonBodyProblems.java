package dev.mailroom.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;

/** Bodies of the wrong JSON shape sent to a {@link JsonFieldErrors} controller, answered with the field named. */
@RestControllerAdvice(annotations = JsonFieldErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class JsonBodyProblems {

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e, HandlerMethod handler) {
        JsonFieldErrors settings = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), JsonFieldErrors.class);
        return UnreadableJson.problem(e, settings.topLevelArray(), settings.whenUnparseable());
    }
}
