package dev.mailroom.intake.rules;

/** One test on an email, e.g. SUBJECT CONTAINS "invoice" or HEADER "X-Mailer" EQUALS "Newsletter 2.0". */
public record RuleCondition(ConditionField field, String headerName, ConditionOperator operator, String value) {

    public String describe() {
        String where = field == ConditionField.HEADER ? "header " + headerName : field.name();
        return where + " " + operator + " \"" + value + "\"";
    }
}
