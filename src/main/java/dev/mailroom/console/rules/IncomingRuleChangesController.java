package dev.mailroom.console.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.mailroom.intake.rules.IncomingRule;
import dev.mailroom.intake.rules.IncomingRuleService;

/** The list's buttons: move a rule up or down, enable or disable it, and delete it after a confirmation page. */
@Controller
@RequestMapping(IncomingRulesPage.PATH + "/{id}")
class IncomingRuleChangesController {

    private final IncomingRuleService rules;

    IncomingRuleChangesController(IncomingRuleService rules) {
        this.rules = rules;
    }

    @PostMapping("/up")
    String up(@PathVariable long id, RedirectAttributes redirect) {
        return move(id, -1, redirect);
    }

    @PostMapping("/down")
    String down(@PathVariable long id, RedirectAttributes redirect) {
        return move(id, 1, redirect);
    }

    @PostMapping("/enable")
    String enable(@PathVariable long id, RedirectAttributes redirect) {
        return switched(id, true, redirect);
    }

    @PostMapping("/disable")
    String disable(@PathVariable long id, RedirectAttributes redirect) {
        return switched(id, false, redirect);
    }

    @GetMapping("/delete")
    String confirmDelete(@PathVariable long id, Model model) {
        model.addAttribute("rule", rules.get(id));
        return "console/rules/delete";
    }

    @PostMapping("/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        IncomingRule rule = rules.get(id);
        rules.delete(id);
        return done(redirect, "Deleted '" + rule.name() + "'");
    }

    /** Swaps the rule with its neighbour; the first rule moved up (or the last down) stays where it is. */
    private String move(long id, int by, RedirectAttributes redirect) {
        IncomingRule rule = rules.get(id);
        List<Long> ids = new ArrayList<>(rules.list().stream().map(IncomingRule::id).toList());
        int from = ids.indexOf(id);
        int to = from + by;
        if (to >= 0 && to < ids.size()) {
            Collections.swap(ids, from, to);
            rules.reorder(ids);
        }
        return done(redirect, "Moved '" + rule.name() + "' " + (by < 0 ? "up" : "down"));
    }

    private String switched(long id, boolean enabled, RedirectAttributes redirect) {
        IncomingRule rule = rules.update(id, IncomingRuleForm.switched(rules.get(id), enabled));
        return done(redirect, (enabled ? "Enabled '" : "Disabled '") + rule.name() + "'");
    }

    private static String done(RedirectAttributes redirect, String what) {
        redirect.addFlashAttribute("saved", what);
        return "redirect:" + IncomingRulesPage.PATH;
    }
}
