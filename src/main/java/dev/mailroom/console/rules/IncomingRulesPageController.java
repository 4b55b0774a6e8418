package dev.mailroom.console.rules;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Admin › Support Channels › Emails › Incoming Email Rules: the rules in the order they are evaluated, each with its
 * conditions, actions and server in words, and the ways to change them; "Try it" below.
 */
@Controller
@RequestMapping(IncomingRulesPage.PATH)
class IncomingRulesPageController {

    private final IncomingRulesPage page;

    IncomingRulesPageController(IncomingRulesPage page) {
        this.page = page;
    }

    @GetMapping
    String list(Model model) {
        return page.show(model);
    }
}
