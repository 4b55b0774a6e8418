package dev.mailroom.intake.rules;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.mailroom.web.JsonFieldErrors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@JsonFieldErrors(topLevelArray = "ids",
        whenUnparseable = "must be JSON: a rule object, or for /order the list of rule ids")
@RequestMapping("/api/incoming-rules")
@Tag(name = "Incoming Email Rules", description = "Conditions on incoming email whose actions override the server's "
        + "defaults, evaluated in order (admin only)")
class IncomingRuleController {

    private final IncomingRuleService rules;
    private final IncomingRuleRequestValidator validator;

    IncomingRuleController(IncomingRuleService rules, IncomingRuleRequestValidator validator) {
        this.rules = rules;
        this.validator = validator;
    }

    @InitBinder
    void crossFieldRules(WebDataBinder binder) {
        if (binder.getTarget() instanceof IncomingRuleRequest) {
            binder.addValidators(validator);
        }
    }

    @GetMapping
    @Operation(summary = "All rules in the order they are evaluated")
    List<IncomingRule> list() {
        return rules.list();
    }

    @GetMapping("/{id}")
    IncomingRule get(@PathVariable long id) {
        return rules.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a rule; it is evaluated after the existing ones")
    IncomingRule create(@Valid @RequestBody IncomingRuleRequest request) {
        return rules.create(request);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a rule's name, server, conditions and actions; its position stays")
    IncomingRule update(@PathVariable long id, @Valid @RequestBody IncomingRuleRequest request) {
        return rules.update(id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        rules.delete(id);
    }

    @PutMapping("/order")
    @Operation(summary = "Reorder the rules: the ids of all rules, in their new order")
    List<IncomingRule> reorder(@RequestBody List<Long> ids) {
        return rules.reorder(ids);
    }
}
