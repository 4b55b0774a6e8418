package dev.mailroom.intake.rules;

import dev.mailroom.intake.parse.ParsedEmail;

/** Whether a rule's conditions hold for an email: all of them (ALL) or at least one (ANY). */
final class RuleMatcher {

    private RuleMatcher() {
    }

    /** @throws RegexBudget.Exceeded when one of the rule's regular expressions takes too long on this email */
    static boolean matches(IncomingRule rule, ParsedEmail email) {
        var conditions = rule.conditions().stream();
        return rule.matchMode() == MatchMode.ALL
                ? !rule.conditions().isEmpty() && conditions.allMatch(condition -> ConditionMatcher.matches(condition, email))
                : conditions.anyMatch(condition -> ConditionMatcher.matches(condition, email));
    }
}
