package dev.mailroom.intake.rules;

import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A rule as an admin submits it for create and update. Enum values arrive as text so that a wrong one is answered
 * like any other field error; {@link IncomingRuleRequestValidator} checks them and everything that spans fields.
 */
public record IncomingRuleRequest(
        @NotBlank @Size(max = 200, message = "must be at most {max} characters") String name,
        @Schema(defaultValue = "true") Boolean enabled,
        @Schema(description = "The incoming server whose mail the rule applies to; leave out for every server")
        Long incomingServerId,
        @Schema(description = "ALL (default): every condition must hold; ANY: one is enough") String matchMode,
        List<Condition> conditions,
        List<Action> actions) {

    static final int MAX_CONDITIONS = 50;
    static final int MAX_ACTIONS = 20;

    @Schema(name = "IncomingRuleCondition")
    public record Condition(
            @Schema(description = "FROM, TO, CC, SUBJECT, BODY or HEADER") String field,
            @Schema(description = "Only for HEADER: the header's name, e.g. X-Mailer") String headerName,
            @Schema(description = "CONTAINS, EQUALS, REGEX or DOMAIN_IS (address fields); case-insensitive") String operator,
            String value) {
    }

    @Schema(name = "IncomingRuleAction")
    public record Action(
            @Schema(description = "SET_TECHNICIAN_GROUP, SET_CATEGORY, SET_PRIORITY, SET_REQUESTER, IGNORE or STOP") String type,
            @Schema(description = "The group or category id, the priority (LOW, MEDIUM, HIGH, URGENT) or the requester's "
                    + "address; none for IGNORE and STOP") String value) {
    }

    /** Only called once the validator has accepted the request. */
    IncomingRuleRepository.NewRule toRule() {
        return new IncomingRuleRepository.NewRule(name.strip(), enabled == null || enabled, incomingServerId,
                matchMode == null ? MatchMode.ALL : MatchMode.valueOf(upper(matchMode)),
                conditions.stream().map(IncomingRuleRequest::toCondition).toList(),
                actions.stream().map(IncomingRuleRequest::toAction).toList());
    }

    private static RuleCondition toCondition(Condition c) {
        ConditionField field = ConditionField.valueOf(upper(c.field()));
        return new RuleCondition(field, field == ConditionField.HEADER ? c.headerName().strip() : null,
                ConditionOperator.valueOf(upper(c.operator())), c.value());
    }

    private static RuleAction toAction(Action a) {
        ActionType type = ActionType.valueOf(upper(a.type()));
        String value = !type.takesValue() ? null
                : type == ActionType.SET_PRIORITY ? upper(a.value()) : a.value().strip();
        return new RuleAction(type, value);
    }

    static String upper(String text) {
        return text.strip().toUpperCase(Locale.ROOT);
    }
}
