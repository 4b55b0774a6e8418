package dev.mailroom.console.rules;

import java.util.List;

import dev.mailroom.intake.rules.IncomingRule;

/** One line of the rules list: the rule, its conditions and actions in words, and the server it applies to. */
public record IncomingRuleRow(IncomingRule rule, String conditions, List<String> actions, String server) {
}
