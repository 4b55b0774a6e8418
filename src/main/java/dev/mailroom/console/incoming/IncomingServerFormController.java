package dev.mailroom.console.incoming;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.mailroom.addresses.FilterType;
import dev.mailroom.console.MailProviderPreset;
import dev.mailroom.incoming.IncomingServer;
import dev.mailroom.incoming.IncomingServerService;
import dev.mailroom.transport.MailProtocol;
import dev.mailroom.transport.MailSecurity;

/** Adding an Incoming Email Server, and changing one, with provider presets; errors are shown at their fields. */
@Controller
@RequestMapping("/admin/incoming-email-servers")
class IncomingServerFormController {

    private static final String VIEW = "console/incoming/form";

    private final IncomingServerService servers;
    private final IncomingServerFormSaver saver;
    private final IncomingServerFormChoices choices;

    IncomingServerFormController(IncomingServerService servers, IncomingServerFormSaver saver,
            IncomingServerFormChoices choices) {
        this.servers = servers;
        this.saver = saver;
        this.choices = choices;
    }

    @GetMapping("/new")
    String newServer(Model model) {
        model.addAttribute("form", new IncomingServerForm());
        return form(model, null);
    }

    @PostMapping
    String create(@ModelAttribute("form") IncomingServerForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        return saver.save(null, form, errors).map(saved -> savedTo(redirect, saved)).orElseGet(() -> form(model, null));
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        IncomingServer server = servers.get(id);
        model.addAttribute("form", IncomingServerForm.of(server));
        return form(model, server);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") IncomingServerForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        IncomingServer server = servers.get(id);
        return saver.save(id, form, errors).map(saved -> savedTo(redirect, saved)).orElseGet(() -> form(model, server));
    }

    private String form(Model model, IncomingServer server) {
        model.addAttribute("server", server);
        choices.addTo(model);
        model.addAttribute("presets", MailProviderPreset.values());
        model.addAttribute("protocols", MailProtocol.values());
        model.addAttribute("securities", MailSecurity.values());
        model.addAttribute("filterTypes", FilterType.values());
        return VIEW;
    }

    private static String savedTo(RedirectAttributes redirect, IncomingServer saved) {
        redirect.addFlashAttribute("saved", "Saved '" + saved.name() + "'");
        return "redirect:/admin/incoming-email-servers";
    }
}
