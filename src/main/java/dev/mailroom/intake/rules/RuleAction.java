package dev.mailroom.intake.rules;

/**
 * One action of a rule. {@code value} is the group or category id, the priority name or the requester address, as
 * text; null for IGNORE and STOP.
 */
public record RuleAction(ActionType type, String value) {
}
