package dev.mailroom.intake.rules;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.Validator;

import dev.mailroom.addresses.AddressSyntax;
import dev.mailroom.incoming.IncomingServerRepository;
import dev.mailroom.lookups.LookupKind;
import dev.mailroom.lookups.LookupRepository;
import dev.mailroom.tickets.TicketPriority;

/**
 * What Bean Validation cannot say about a rule: known fields, operators and actions, a header name for HEADER, DOMAIN_IS
 * on address fields only, regular expressions that compile, and ids that exist. Each error names its place, such as
 * {@code conditions[1].value}.
 */
@Component
public class IncomingRuleRequestValidator implements Validator {

    static final int MAX_VALUE_LENGTH = 1000;
    private static final int MAX_HEADER_NAME_LENGTH = 200;

    private final LookupRepository lookups;
    private final IncomingServerRepository servers;

    IncomingRuleRequestValidator(LookupRepository lookups, IncomingServerRepository servers) {
        this.lookups = lookups;
        this.servers = servers;
    }

    @Override
    public boolean supports(Class<?> type) {
        return IncomingRuleRequest.class.equals(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        IncomingRuleRequest request = (IncomingRuleRequest) target;
        if (request.matchMode() != null) {
            parse(errors, "matchMode", MatchMode.class, request.matchMode());
        }
        if (request.incomingServerId() != null && servers.findById(request.incomingServerId()).isEmpty()) {
            reject(errors, "incomingServerId", "Incoming server " + request.incomingServerId() + " does not exist");
        }
        conditions(errors, request.conditions());
        actions(errors, request.actions());
    }

    private void conditions(Errors errors, List<IncomingRuleRequest.Condition> conditions) {
        if (conditions == null || conditions.isEmpty()) {
            reject(errors, "conditions", "a rule needs at least one condition");
            return;
        }
        if (conditions.size() > IncomingRuleRequest.MAX_CONDITIONS) {
            reject(errors, "conditions", "a rule has at most " + IncomingRuleRequest.MAX_CONDITIONS + " conditions");
            return;
        }
        for (int i = 0; i < conditions.size(); i++) {
            condition(errors, "conditions[" + i + "].", conditions.get(i));
        }
    }

    private void condition(Errors errors, String at, IncomingRuleRequest.Condition condition) {
        if (condition == null) {
            reject(errors, at.substring(0, at.length() - 1), "must not be empty");
            return;
        }
        Optional<ConditionField> field = parse(errors, at + "field", ConditionField.class, condition.field());
        Optional<ConditionOperator> operator = parse(errors, at + "operator", ConditionOperator.class, condition.operator());
        boolean named = condition.headerName() != null && !condition.headerName().isBlank();
        if (field.filter(f -> f == ConditionField.HEADER).isPresent()) {
            if (!named) {
                reject(errors, at + "headerName", "is required for a HEADER condition, e.g. X-Mailer");
            } else if (!isHeaderName(condition.headerName().strip())) {
                reject(errors, at + "headerName", "must be a header name such as X-Mailer: printable characters "
                        + "without spaces or a colon, at most " + MAX_HEADER_NAME_LENGTH);
            }
        } else if (field.isPresent() && named) {
            reject(errors, at + "headerName", "only a HEADER condition names a header");
        }
        if (operator.filter(o -> o == ConditionOperator.DOMAIN_IS).isPresent()
                && field.filter(f -> !f.holdsAddresses()).isPresent()) {
            reject(errors, at + "operator", "DOMAIN_IS applies to the address fields FROM, TO and CC only");
        }
        String value = condition.value();
        if (value == null || value.isBlank()) {
            reject(errors, at + "value", "must not be empty");
        } else if (value.length() > MAX_VALUE_LENGTH) {
            reject(errors, at + "value", "must be at most " + MAX_VALUE_LENGTH + " characters");
        } else if (operator.filter(o -> o == ConditionOperator.REGEX).isPresent()) {
            regex(errors, at + "value", value);
        } else if (operator.filter(o -> o == ConditionOperator.DOMAIN_IS).isPresent()
                && !AddressSyntax.isDomain(value.strip().startsWith("@") ? value.strip().substring(1) : value.strip())) {
            reject(errors, at + "value", "must be a domain such as example.com");
        }
    }

    private static void regex(Errors errors, String field, String value) {
        try {
            ConditionMatcher.compile(value);
        } catch (PatternSyntaxException e) {
            reject(errors, field, "is not a valid regular expression: " + e.getDescription()
                    + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
        }
    }

    private void actions(Errors errors, List<IncomingRuleRequest.Action> actions) {
        if (actions == null || actions.isEmpty()) {
            reject(errors, "actions", "a rule needs at least one action");
            return;
        }
        if (actions.size() > IncomingRuleRequest.MAX_ACTIONS) {
            reject(errors, "actions", "a rule has at most " + IncomingRuleRequest.MAX_ACTIONS + " actions");
            return;
        }
        Set<ActionType> seen = EnumSet.noneOf(ActionType.class);
        for (int i = 0; i < actions.size(); i++) {
            String at = "actions[" + i + "]";
            IncomingRuleRequest.Action action = actions.get(i);
            if (action == null) {
                reject(errors, at, "must not be empty");
                continue;
            }
            Optional<ActionType> type = parse(errors, at + ".type", ActionType.class, action.type());
            if (type.isPresent() && !seen.add(type.get())) {
                reject(errors, at + ".type", type.get() + " is listed twice");
            } else {
                type.ifPresent(t -> value(errors, at + ".value", t, action.value()));
            }
        }
    }

    private void value(Errors errors, String field, ActionType type, String value) {
        boolean empty = value == null || value.isBlank();
        if (!type.takesValue()) {
            if (!empty) {
                reject(errors, field, type + " takes no value");
            }
            return;
        }
        if (empty) {
            reject(errors, field, "is required for " + type);
            return;
        }
        String v = value.strip();
        switch (type) {
            case SET_TECHNICIAN_GROUP -> lookup(errors, field, LookupKind.TECHNICIAN_GROUP, v);
            case SET_CATEGORY -> lookup(errors, field, LookupKind.CATEGORY, v);
            case SET_PRIORITY -> parse(errors, field, TicketPriority.class, v);
            case SET_REQUESTER -> {
                if (!AddressSyntax.isAddress(v)) {
                    reject(errors, field, "must be an email address such as someone@example.com");
                }
            }
            default -> throw new IllegalStateException(type + " takes no value");
        }
    }

    private void lookup(Errors errors, String field, LookupKind kind, String value) {
        long id;
        try {
            id = Long.parseLong(value);
        } catch (NumberFormatException e) {
            reject(errors, field, "must be the id of a " + kind.label().toLowerCase() + " (a number)");
            return;
        }
        if (lookups.findById(kind, id).isEmpty()) {
            reject(errors, field, kind.label() + " " + id + " does not exist");
        }
    }

    private static boolean isHeaderName(String name) {
        return name.length() <= MAX_HEADER_NAME_LENGTH && name.chars().allMatch(c -> c > 32 && c < 127 && c != ':');
    }

    private static <E extends Enum<E>> Optional<E> parse(Errors errors, String field, Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            reject(errors, field, "is required: one of " + Arrays.toString(type.getEnumConstants()));
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, IncomingRuleRequest.upper(value)));
        } catch (IllegalArgumentException e) {
            reject(errors, field, "must be one of " + Arrays.toString(type.getEnumConstants()));
            return Optional.empty();
        }
    }

    private static void reject(Errors errors, String field, String message) {
        if (errors instanceof BindingResult result) {
            result.addError(new FieldError(errors.getObjectName(), field, null, false, null, null, message));
        } else {
            errors.reject("invalid", field + ": " + message);
        }
    }
}
