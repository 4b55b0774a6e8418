package dev.mailroom.intake.rules;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.mailroom.intake.IntakeContext;
import dev.mailroom.intake.IntakeStage;
import dev.mailroom.intake.StageResult;
import dev.mailroom.intake.parse.EmailAddress;
import dev.mailroom.lookups.LookupKind;
import dev.mailroom.lookups.LookupRepository;
import dev.mailroom.tickets.TicketPriority;
import dev.mailroom.users.UserRepository;
import dev.mailroom.platform.Counts;

/**
 * Incoming Email Rules: the enabled rules for this email's server, in order. Each matching rule applies its actions
 * (a later rule overrides an earlier one); IGNORE ends the email, STOP ends the evaluation. Runs before the server's
 * defaults, which then only fill what no rule set. It only changes the context, so a dry run behaves the same.
 */
@Component
public class RulesStage implements IntakeStage {

    static final String IGNORED_BY_RULE = "Ignored by Incoming Email Rule \"%s\"";

    private final IncomingRuleRepository rules;
    private final LookupRepository lookups;
    private final UserRepository users;

    RulesStage(IncomingRuleRepository rules, LookupRepository lookups, UserRepository users) {
        this.rules = rules;
        this.lookups = lookups;
        this.users = users;
    }

    @Override
    public String name() {
        return "incoming-rules";
    }

    @Override
    public StageResult judge(IntakeContext context) {
        List<IncomingRule> applicable = rules.findEnabledFor(context.inbound().serverId());
        List<String> fired = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (IncomingRule rule : applicable) {
            boolean matches;
            try {
                matches = RuleMatcher.matches(rule, context.email());
            } catch (RegexBudget.Exceeded e) {
                skipped.add("rule \"" + rule.name() + "\" skipped: " + e.getMessage());
                continue;
            }
            if (!matches) {
                continue;
            }
            List<String> did = new ArrayList<>();
            for (RuleAction action : rule.actions()) {
                if (action.type() == ActionType.IGNORE) {
                    fired.add(describe(rule, did) + (did.isEmpty() ? ": " : ", then ") + "ignore the email");
                    return StageResult.ignored(IGNORED_BY_RULE.formatted(rule.name()), summary(fired, skipped, applicable));
                }
                if (action.type() != ActionType.STOP) {
                    did.add(apply(action, context));
                }
            }
            boolean stop = rule.actions().stream().anyMatch(action -> action.type() == ActionType.STOP);
            fired.add(describe(rule, did) + (stop ? "; STOP: later rules not evaluated" : ""));
            if (stop) {
                break;
            }
        }
        return StageResult.pass(summary(fired, skipped, applicable));
    }

    private String apply(RuleAction action, IntakeContext context) {
        return switch (action.type()) {
            case SET_TECHNICIAN_GROUP -> {
                long id = Long.parseLong(action.value());
                // The group may have been deleted since the rule was saved; a ticket pointing to it could not be made.
                yield lookups.findById(LookupKind.TECHNICIAN_GROUP, id).map(group -> {
                    context.technicianGroupId(id);
                    return "technician group \"" + group.name() + "\" (#" + id + ")";
                }).orElse("not technician group #" + id + " (it no longer exists)");
            }
            case SET_CATEGORY -> {
                long id = Long.parseLong(action.value());
                yield lookups.findById(LookupKind.CATEGORY, id).map(category -> {
                    context.categoryId(id);
                    return "category \"" + category.name() + "\" (#" + id + ")";
                }).orElse("not category #" + id + " (it no longer exists)");
            }
            case SET_PRIORITY -> {
                context.priority(TicketPriority.valueOf(action.value()));
                yield "priority " + action.value();
            }
            case SET_REQUESTER -> {
                EmailAddress requester = EmailAddress.of(action.value(), null);
                context.requesterAddress(requester);
                context.requester(users.findByEmail(requester.address()).orElse(null));
                yield "requester " + requester.address();
            }
            case IGNORE, STOP -> throw new IllegalArgumentException(action.type() + " sets nothing");
        };
    }

    private static String describe(IncomingRule rule, List<String> did) {
        return "rule \"" + rule.name() + "\" matched" + (did.isEmpty() ? "" : ": set " + String.join(", ", did));
    }

    private static String summary(List<String> fired, List<String> skipped, List<IncomingRule> applicable) {
        List<String> parts = new ArrayList<>(fired);
        parts.addAll(skipped);
        if (fired.isEmpty()) {
            parts.add(0, applicable.isEmpty() ? "no rule matched (no enabled rule applies to this server)"
                    : "no rule matched (" + Counts.of(applicable.size(), "enabled rule") + " checked)");
        }
        return String.join("; ", parts);
    }
}
