package dev.mailroom.console.incoming;

import java.util.HashMap;
import java.util.Optional;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.MapBindingResult;

import dev.mailroom.incoming.IncomingServer;
import dev.mailroom.incoming.IncomingServerRequest;
import dev.mailroom.incoming.IncomingServerRequestValidator;
import dev.mailroom.incoming.IncomingServerService;
import dev.mailroom.incoming.IncomingServerSettings;
import dev.mailroom.web.BadRequestException;
import dev.mailroom.web.ConflictException;

/**
 * Saves the Incoming Email Server form under the API's own rules (Bean Validation, then the cross-field rules, then the
 * service's uniqueness and password checks), each refusal reported at its field of the form.
 */
@Component
class IncomingServerFormSaver {

    private final Validator beanValidation;
    private final IncomingServerRequestValidator crossFieldRules;
    private final IncomingServerService servers;

    IncomingServerFormSaver(Validator beanValidation, IncomingServerRequestValidator crossFieldRules,
            IncomingServerService servers) {
        this.beanValidation = beanValidation;
        this.crossFieldRules = crossFieldRules;
        this.servers = servers;
    }

    /** The saved server, or empty when {@code errors} (which may already hold the form's binding errors) say why not. */
    Optional<IncomingServer> save(Long id, IncomingServerForm form, BindingResult errors) {
        IncomingServerSettings saved = id == null ? null : servers.get(id).settings();
        IncomingServerRequest request = form.toRequest(saved);
        for (ConstraintViolation<IncomingServerRequest> violation : beanValidation.validate(request)) {
            report(errors, violation.getPropertyPath().toString(), violation.getMessage());
        }
        MapBindingResult rules = new MapBindingResult(new HashMap<>(), "incomingServer");
        crossFieldRules.validate(request, rules);
        rules.getFieldErrors().forEach(error -> report(errors, error.getField(), error.getDefaultMessage()));
        rules.getGlobalErrors().forEach(error -> errors.reject("invalid", error.getDefaultMessage()));
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        try {
            return Optional.of(id == null ? servers.create(request) : servers.update(id, request));
        } catch (BadRequestException e) {
            report(errors, e.field(), e.getMessage());
        } catch (ConflictException e) {
            report(errors, e.field(), e.getMessage());
        }
        return Optional.empty();
    }

    /** At the form's field ({@code mailboxAddresses[1]} is the addresses box), or above the form for a setting it lacks. */
    private static void report(BindingResult errors, String field, String message) {
        String property = field.replaceAll("\\[.*$", "");
        if (PropertyAccessorFactory.forBeanPropertyAccess(errors.getTarget()).isReadableProperty(property)) {
            errors.rejectValue(property, "invalid", message);
        } else {
            errors.reject("invalid", field + ": " + message);
        }
    }
}
