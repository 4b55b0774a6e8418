package dev.mailroom.console.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.MapBindingResult;

import dev.mailroom.intake.rules.IncomingRule;
import dev.mailroom.intake.rules.IncomingRuleRequest;
import dev.mailroom.intake.rules.IncomingRuleRequestValidator;
import dev.mailroom.intake.rules.IncomingRuleService;
import dev.mailroom.web.BadRequestException;
import dev.mailroom.web.ConflictException;

/**
 * Saves the Incoming Email Rule form under the API's own rules (Bean Validation, the cross-field rules, the service's
 * unique name), each refusal reported at its row and field of the form.
 */
@Component
class IncomingRuleFormSaver {

    private static final Pattern ROW = Pattern.compile("^(conditions|actions)\\[(\\d+)\\](.*)$");

    private final Validator beanValidation;
    private final IncomingRuleRequestValidator crossFieldRules;
    private final IncomingRuleService rules;

    IncomingRuleFormSaver(Validator beanValidation, IncomingRuleRequestValidator crossFieldRules, IncomingRuleService rules) {
        this.beanValidation = beanValidation;
        this.crossFieldRules = crossFieldRules;
        this.rules = rules;
    }

    /** The saved rule, or empty when {@code errors} say why not. */
    Optional<IncomingRule> save(Long id, IncomingRuleForm form, BindingResult errors) {
        IncomingRuleRequest request = form.toRequest();
        for (ConstraintViolation<IncomingRuleRequest> violation : beanValidation.validate(request)) {
            report(errors, form, violation.getPropertyPath().toString(), violation.getMessage());
        }
        MapBindingResult refusals = new MapBindingResult(new HashMap<>(), "incomingRule");
        crossFieldRules.validate(request, refusals);
        refusals.getFieldErrors().forEach(error -> report(errors, form, error.getField(), error.getDefaultMessage()));
        refusals.getGlobalErrors().forEach(error -> errors.reject("invalid", error.getDefaultMessage()));
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        try {
            return Optional.of(id == null ? rules.create(request) : rules.update(id, request));
        } catch (BadRequestException e) {
            report(errors, form, e.field(), e.getMessage());
        } catch (ConflictException e) {
            report(errors, form, e.field(), e.getMessage());
        }
        return Optional.empty();
    }

    /** {@code conditions[0].value} of the request is the value of the first filled condition row of the form. */
    private static void report(BindingResult errors, IncomingRuleForm form, String field, String message) {
        Matcher row = ROW.matcher(field == null ? "" : field);
        if (row.matches()) {
            List<Integer> rows = row.group(1).equals("conditions") ? form.conditionRows() : form.actionRows();
            int index = Integer.parseInt(row.group(2));
            String at = row.group(1) + "[" + (index < rows.size() ? rows.get(index) : index) + "]";
            // a whole-row error ("must not be empty") goes to the row's value
            errors.rejectValue(at + (row.group(3).isEmpty() ? ".value" : row.group(3)), "invalid", message);
        } else if (List.of("name", "matchMode", "incomingServerId", "conditions", "actions").contains(field)) {
            errors.rejectValue(field, "invalid", message);
        } else {
            errors.reject("invalid", field + ": " + message);
        }
    }
}
