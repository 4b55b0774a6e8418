package dev.mailroom.console.outgoing;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.mailroom.console.MailProviderPreset;
import dev.mailroom.outgoing.OutgoingServer;
import dev.mailroom.outgoing.OutgoingServerService;
import dev.mailroom.transport.MailSecurity;
import dev.mailroom.transport.OutgoingTransport;
import dev.mailroom.transport.SmtpAuthentication;

/**
 * Adding an Outgoing Email Server, changing one with SMTP provider presets (errors shown at their fields), and deleting
 * one after a confirmation page.
 */
@Controller
@RequestMapping("/admin/outgoing-email-servers")
class OutgoingServerFormController {

    private static final String LIST = "redirect:/admin/outgoing-email-servers";

    private final OutgoingServerService servers;
    private final OutgoingServerFormSaver saver;

    OutgoingServerFormController(OutgoingServerService servers, OutgoingServerFormSaver saver) {
        this.servers = servers;
        this.saver = saver;
    }

    @GetMapping("/new")
    String newServer(Model model) {
        model.addAttribute("form", OutgoingServerForm.blank(servers.list().isEmpty()));
        return form(model, null);
    }

    @PostMapping
    String create(@ModelAttribute("form") OutgoingServerForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        return saver.save(null, form, errors).map(saved -> done(redirect, "Saved '" + saved.name() + "'"))
                .orElseGet(() -> form(model, null));
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        OutgoingServer server = servers.get(id);
        model.addAttribute("form", OutgoingServerForm.of(server));
        return form(model, server);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") OutgoingServerForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        OutgoingServer server = servers.get(id);
        return saver.save(id, form, errors).map(saved -> done(redirect, "Saved '" + saved.name() + "'"))
                .orElseGet(() -> form(model, server));
    }

    @GetMapping("/{id}/delete")
    String confirmDelete(@PathVariable long id, Model model) {
        model.addAttribute("server", servers.get(id));
        return "console/outgoing/delete";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        OutgoingServer server = servers.get(id);
        servers.delete(id);
        return done(redirect, "Deleted '" + server.name() + "'");
    }

    private static String form(Model model, OutgoingServer server) {
        model.addAttribute("server", server);
        model.addAttribute("presets", MailProviderPreset.values());
        model.addAttribute("securities", MailSecurity.values());
        model.addAttribute("authentications", SmtpAuthentication.values());
        model.addAttribute("transports", OutgoingTransport.values());
        return "console/outgoing/form";
    }

    private static String done(RedirectAttributes redirect, String message) {
        redirect.addFlashAttribute("saved", message);
        return LIST;
    }
}
