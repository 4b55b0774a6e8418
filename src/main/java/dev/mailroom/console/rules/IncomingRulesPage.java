package dev.mailroom.console.rules;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import dev.mailroom.incoming.IncomingServerService;
import dev.mailroom.intake.rules.IncomingRuleService;

/** The rules list page's model: the rules in order, in words, and the servers "Try it" can pretend to fetch with. */
@Component
class IncomingRulesPage {

    static final String VIEW = "console/rules/list";
    static final String PATH = "/admin/incoming-email-rules";

    private final IncomingRuleService rules;
    private final IncomingRuleWords words;
    private final IncomingServerService servers;

    IncomingRulesPage(IncomingRuleService rules, IncomingRuleWords words, IncomingServerService servers) {
        this.rules = rules;
        this.words = words;
        this.servers = servers;
    }

    String show(Model model) {
        model.addAttribute("rows", words.rows(rules.list()));
        model.addAttribute("servers", servers.list());
        return VIEW;
    }
}
