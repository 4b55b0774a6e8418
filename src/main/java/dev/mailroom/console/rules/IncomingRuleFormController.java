package dev.mailroom.console.rules;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.mailroom.incoming.IncomingServerService;
import dev.mailroom.intake.rules.ActionType;
import dev.mailroom.intake.rules.ConditionField;
import dev.mailroom.intake.rules.ConditionOperator;
import dev.mailroom.intake.rules.IncomingRule;
import dev.mailroom.intake.rules.IncomingRuleService;
import dev.mailroom.intake.rules.MatchMode;
import dev.mailroom.tickets.TicketPriority;

/** Adding an Incoming Email Rule and changing one: conditions and actions, errors at their fields. */
@Controller
@RequestMapping(IncomingRulesPage.PATH)
class IncomingRuleFormController {

    private static final String VIEW = "console/rules/form";

    private final IncomingRuleService rules;
    private final IncomingRuleFormSaver saver;
    private final IncomingServerService servers;

    IncomingRuleFormController(IncomingRuleService rules, IncomingRuleFormSaver saver, IncomingServerService servers) {
        this.rules = rules;
        this.saver = saver;
        this.servers = servers;
    }

    @GetMapping("/new")
    String newRule(Model model) {
        model.addAttribute("form", new IncomingRuleForm().withSpareRows());
        return form(model, null);
    }

    @PostMapping
    String create(@ModelAttribute("form") IncomingRuleForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        return saver.save(null, form, errors).map(saved -> savedTo(redirect, saved)).orElseGet(() -> form(model, null));
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        IncomingRule rule = rules.get(id);
        model.addAttribute("form", IncomingRuleForm.of(rule).withSpareRows());
        return form(model, rule);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") IncomingRuleForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        IncomingRule rule = rules.get(id);
        return saver.save(id, form, errors).map(saved -> savedTo(redirect, saved)).orElseGet(() -> form(model, rule));
    }

    private String form(Model model, IncomingRule rule) {
        model.addAttribute("rule", rule);
        model.addAttribute("servers", servers.list());
        model.addAttribute("matchModes", MatchMode.values());
        model.addAttribute("fields", ConditionField.values());
        model.addAttribute("operators", ConditionOperator.values());
        model.addAttribute("actionTypes", ActionType.values());
        model.addAttribute("priorities", TicketPriority.values());
        return VIEW;
    }

    private static String savedTo(RedirectAttributes redirect, IncomingRule saved) {
        redirect.addFlashAttribute("saved", "Saved '" + saved.name() + "'");
        return "redirect:" + IncomingRulesPage.PATH;
    }
}
