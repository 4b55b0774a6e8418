package dev.mailroom.console.rules;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.mailroom.incoming.IncomingServer;
import dev.mailroom.incoming.IncomingServerService;
import dev.mailroom.intake.rules.ConditionField;
import dev.mailroom.intake.rules.IncomingRule;
import dev.mailroom.intake.rules.RuleAction;
import dev.mailroom.intake.rules.RuleCondition;
import dev.mailroom.lookups.Lookup;
import dev.mailroom.lookups.LookupKind;
import dev.mailroom.lookups.LookupRepository;

/** A rule said in words for the list: "From contains "@vendor.test"", "set the category to Hardware", "All servers". */
@Component
class IncomingRuleWords {

    private final LookupRepository lookups;
    private final IncomingServerService servers;

    IncomingRuleWords(LookupRepository lookups, IncomingServerService servers) {
        this.lookups = lookups;
        this.servers = servers;
    }

    /** Each rule in order with its words; the servers and lookups are read once for the whole list. */
    List<IncomingRuleRow> rows(List<IncomingRule> rules) {
        Map<Long, String> serverNames = servers.list().stream()
                .collect(Collectors.toMap(IncomingServer::id, IncomingServer::name));
        Map<Long, String> groups = names(LookupKind.TECHNICIAN_GROUP);
        Map<Long, String> categories = names(LookupKind.CATEGORY);
        return rules.stream().map(rule -> new IncomingRuleRow(rule,
                conditions(rule),
                rule.actions().stream().map(action -> action(action, groups, categories)).toList(),
                rule.incomingServerId() == null ? "All servers"
                        : serverNames.getOrDefault(rule.incomingServerId(), "Server " + rule.incomingServerId())))
                .toList();
    }

    private Map<Long, String> names(LookupKind kind) {
        return lookups.findAll(kind).stream().collect(Collectors.toMap(Lookup::id, Lookup::name));
    }

    private static String conditions(IncomingRule rule) {
        String joiner = rule.matchMode().name().equals("ANY") ? " or " : " and ";
        return rule.conditions().stream().map(IncomingRuleWords::condition).collect(Collectors.joining(joiner));
    }

    private static String condition(RuleCondition condition) {
        String where = condition.field() == ConditionField.HEADER ? "Header " + condition.headerName()
                : capitalized(condition.field().name());
        String how = switch (condition.operator()) {
            case CONTAINS -> "contains";
            case EQUALS -> "is";
            case REGEX -> "matches";
            case DOMAIN_IS -> "is in the domain";
        };
        return where + " " + how + " \"" + condition.value() + "\"";
    }

    private static String action(RuleAction action, Map<Long, String> groups, Map<Long, String> categories) {
        Function<Map<Long, String>, String> named = names -> names.getOrDefault(Long.valueOf(action.value()), action.value());
        return switch (action.type()) {
            case SET_TECHNICIAN_GROUP -> "set the technician group to " + named.apply(groups);
            case SET_CATEGORY -> "set the category to " + named.apply(categories);
            case SET_PRIORITY -> "set the priority to " + action.value();
            case SET_REQUESTER -> "set the requester to " + action.value();
            case IGNORE -> "ignore the email";
            case STOP -> "stop: later rules are not evaluated";
        };
    }

    private static String capitalized(String name) {
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }
}
