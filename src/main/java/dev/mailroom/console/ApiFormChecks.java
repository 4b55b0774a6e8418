package dev.mailroom.console;

import java.util.HashMap;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.MapBindingResult;

import dev.mailroom.web.BadRequestException;
import dev.mailroom.web.ConflictException;

/**
 * A console form saved under the API's own rules: Bean Validation, then the request's cross-field rules, then the
 * service's own refusals (uniqueness, passwords), each reported at the form's field of the same name.
 */
@Component
public class ApiFormChecks {

    private final Validator beanValidation;

    ApiFormChecks(Validator beanValidation) {
        this.beanValidation = beanValidation;
    }

    /** The saved result, or empty when {@code errors} (which may already hold the form's binding errors) say why not. */
    public <R, T> Optional<T> save(R request, org.springframework.validation.Validator crossFieldRules,
            BindingResult errors, Supplier<T> service) {
        if (!check(request, crossFieldRules, errors)) {
            return Optional.empty();
        }
        try {
            return Optional.of(service.get());
        } catch (BadRequestException e) {
            report(errors, e.field(), e.getMessage());
        } catch (ConflictException e) {
            report(errors, e.field(), e.getMessage());
        }
        return Optional.empty();
    }

    /** Whether the request passes the API's rules; where not, {@code errors} say why. */
    public <R> boolean check(R request, org.springframework.validation.Validator crossFieldRules, BindingResult errors) {
        for (ConstraintViolation<R> violation : beanValidation.validate(request)) {
            report(errors, violation.getPropertyPath().toString(), violation.getMessage());
        }
        MapBindingResult rules = new MapBindingResult(new HashMap<>(), "request");
        crossFieldRules.validate(request, rules);
        rules.getFieldErrors().forEach(error -> report(errors, error.getField(), error.getDefaultMessage()));
        rules.getGlobalErrors().forEach(error -> errors.reject("invalid", error.getDefaultMessage()));
        return !errors.hasErrors();
    }

    /** At the form's field ({@code mailboxAddresses[1]} is the addresses box), or above the form for a setting it lacks. */
    public static void report(BindingResult errors, String field, String message) {
        String property = field.replaceAll("\\[.*$", "");
        if (PropertyAccessorFactory.forBeanPropertyAccess(errors.getTarget()).isReadableProperty(property)) {
            errors.rejectValue(property, "invalid", message);
        } else {
            errors.reject("invalid", field + ": " + message);
        }
    }
}
