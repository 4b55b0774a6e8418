package dev.mailroom.console.rules;

import java.util.ArrayList;
import java.util.List;

import dev.mailroom.intake.rules.IncomingRule;
import dev.mailroom.intake.rules.IncomingRuleRequest;
import dev.mailroom.intake.rules.MatchMode;
import dev.mailroom.intake.rules.RuleAction;
import dev.mailroom.intake.rules.RuleCondition;

/**
 * The Incoming Email Rule form. It always shows a few empty condition and action rows to fill in; rows left empty are
 * not part of the rule, so {@link #conditionRows()} and {@link #actionRows()} say which form row each of the request's
 * entries came from (for errors such as {@code conditions[0].value}).
 */
public class IncomingRuleForm {

    static final int SPARE_ROWS = 2;

    private String name;
    private boolean enabled = true;
    private Long incomingServerId;
    private MatchMode matchMode = MatchMode.ALL;
    private List<ConditionRow> conditions = new ArrayList<>();
    private List<ActionRow> actions = new ArrayList<>();

    static IncomingRuleForm of(IncomingRule rule) {
        IncomingRuleForm form = new IncomingRuleForm();
        form.name = rule.name();
        form.enabled = rule.enabled();
        form.incomingServerId = rule.incomingServerId();
        form.matchMode = rule.matchMode();
        for (RuleCondition condition : rule.conditions()) {
            form.conditions.add(new ConditionRow(condition.field().name(), condition.headerName(),
                    condition.operator().name(), condition.value()));
        }
        for (RuleAction action : rule.actions()) {
            form.actions.add(new ActionRow(action.type().name(), action.value()));
        }
        return form;
    }

    /** The same rule, enabled or disabled: the API has no switch of its own, a rule is replaced whole. */
    static IncomingRuleRequest switched(IncomingRule rule, boolean enabled) {
        IncomingRuleForm form = of(rule);
        form.enabled = enabled;
        return form.toRequest();
    }

    /** Room to add conditions and actions: the spare rows the page shows below the filled ones. */
    IncomingRuleForm withSpareRows() {
        for (int i = 0; i < SPARE_ROWS; i++) {
            conditions.add(new ConditionRow());
            actions.add(new ActionRow());
        }
        return this;
    }

    IncomingRuleRequest toRequest() {
        return new IncomingRuleRequest(name, enabled, incomingServerId, matchMode == null ? null : matchMode.name(),
                conditionRows().stream().map(i -> conditions.get(i).toRequest()).toList(),
                actionRows().stream().map(i -> actions.get(i).toRequest()).toList());
    }

    /** The form rows (indexes) that hold a condition, in order. */
    List<Integer> conditionRows() {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            if (conditions.get(i) != null && !conditions.get(i).isEmpty()) {
                rows.add(i);
            }
        }
        return rows;
    }

    /** The form rows (indexes) that hold an action, in order. */
    List<Integer> actionRows() {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            if (actions.get(i) != null && !actions.get(i).isEmpty()) {
                rows.add(i);
            }
        }
        return rows;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Long getIncomingServerId() {
        return incomingServerId;
    }

    public void setIncomingServerId(Long incomingServerId) {
        this.incomingServerId = incomingServerId;
    }

    public MatchMode getMatchMode() {
        return matchMode;
    }

    public void setMatchMode(MatchMode matchMode) {
        this.matchMode = matchMode;
    }

    public List<ConditionRow> getConditions() {
        return conditions;
    }

    public void setConditions(List<ConditionRow> conditions) {
        this.conditions = conditions;
    }

    public List<ActionRow> getActions() {
        return actions;
    }

    public void setActions(List<ActionRow> actions) {
        this.actions = actions;
    }

    /** One condition row: field, header name (for HEADER), operator and value. */
    public static class ConditionRow {

        private String field;
        private String headerName;
        private String operator;
        private String value;

        public ConditionRow() {
        }

        ConditionRow(String field, String headerName, String operator, String value) {
            this.field = field;
            this.headerName = headerName;
            this.operator = operator;
            this.value = value;
        }

        /** A row whose value is empty and names no header is a spare one, whatever its selects show. */
        boolean isEmpty() {
            return blank(value) && blank(headerName);
        }

        IncomingRuleRequest.Condition toRequest() {
            return new IncomingRuleRequest.Condition(field, blank(headerName) ? null : headerName, operator, value);
        }

        public String getField() {
            return field;
        }

        public void setField(String field) {
            this.field = field;
        }

        public String getHeaderName() {
            return headerName;
        }

        public void setHeaderName(String headerName) {
            this.headerName = headerName;
        }

        public String getOperator() {
            return operator;
        }

        public void setOperator(String operator) {
            this.operator = operator;
        }

        public String getValue() {
            return value;
        }

        public void setValue(String value) {
            this.value = value;
        }
    }

    /** One action row: its type (empty for a spare row) and its value. */
    public static class ActionRow {

        private String type;
        private String value;

        public ActionRow() {
        }

        ActionRow(String type, String value) {
            this.type = type;
            this.value = value;
        }

        boolean isEmpty() {
            return blank(type);
        }

        IncomingRuleRequest.Action toRequest() {
            return new IncomingRuleRequest.Action(type, blank(value) ? null : value);
        }

        public String getType() {
            return type;
        }

        public void setType(String type) {
            this.type = type;
        }

        public String getValue() {
            return value;
        }

        public void setValue(String value) {
            this.value = value;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
