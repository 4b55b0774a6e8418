package dev.mailroom.intake.rules;

import java.time.Instant;
import java.util.List;

/**
 * An Incoming Email Rule: when its conditions hold for an email (all of them, or any), its actions set the ticket's
 * group, category, priority or requester, ignore the email, or stop later rules. Rules run in {@code position} order;
 * one bound to an incoming server applies to that server's mail only.
 */
public record IncomingRule(long id, String name, boolean enabled, int position, Long incomingServerId,
        MatchMode matchMode, List<RuleCondition> conditions, List<RuleAction> actions, Instant createdAt,
        Instant updatedAt) {

    public IncomingRule {
        conditions = List.copyOf(conditions);
        actions = List.copyOf(actions);
    }
}
