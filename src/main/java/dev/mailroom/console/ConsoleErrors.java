package dev.mailroom.console;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import dev.mailroom.web.BadRequestException;
import dev.mailroom.web.ConflictException;
import dev.mailroom.web.NotFoundException;

/**
 * The console's answer to a refused request: a page in words, never a stack trace or the API's problem JSON (the API's
 * handler would otherwise catch these first, as it applies to every controller).
 */
@ControllerAdvice(basePackages = "dev.mailroom.console")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    static final String VIEW = "console/problem";

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFoundException e, Model model) {
        return problem(model, "Not found", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String conflict(ConflictException e, Model model) {
        return problem(model, "Not possible now", e.getMessage());
    }

    @ExceptionHandler(BadRequestException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badRequest(BadRequestException e, Model model) {
        return problem(model, "Check the request", e.field() + ": " + e.getMessage());
    }

    /** A path or filter value of the wrong kind: {@code /admin/email-audit/abc}, {@code ?status=NOPE}. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String typeMismatch(MethodArgumentTypeMismatchException e, Model model) {
        return problem(model, "Check the request", "'" + e.getValue() + "' is not a valid " + e.getName());
    }

    /** A form posted without one of its fields: {@code POST /tickets/INC-1/status} without a status. */
    @ExceptionHandler(MissingServletRequestParameterException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String missingParameter(MissingServletRequestParameterException e, Model model) {
        return problem(model, "Check the request", "Choose a " + e.getParameterName());
    }

    private static String problem(Model model, String title, String detail) {
        // an exception handler starts from an empty model: the layout's menu needs the operator again
        model.addAttribute(ConsoleModel.OPERATOR, ConsoleUser.current());
        // not "title": the layout's fragment parameter of that name would hide it (the page showed its own markup)
        model.addAttribute("problemTitle", title);
        model.addAttribute("detail", detail);
        return VIEW;
    }
}
