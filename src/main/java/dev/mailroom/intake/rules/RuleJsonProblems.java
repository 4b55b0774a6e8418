package dev.mailroom.intake.rules;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.mailroom.web.UnreadableJson;

/** A rule body of the wrong JSON shape (text where a list belongs, "yes" for enabled) answered with the field named. */
@RestControllerAdvice(assignableTypes = IncomingRuleController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RuleJsonProblems {

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return UnreadableJson.problem(e, "ids", "must be JSON: a rule object, or for /order the list of rule ids");
    }
}
