package dev.mailroom.console.tickets;

import java.security.Principal;
import java.util.List;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.mailroom.tickets.NewConversation;
import dev.mailroom.tickets.Ticket;
import dev.mailroom.tickets.TicketService;
import dev.mailroom.web.BadRequestException;

/**
 * A technician's reply from the ticket page: added as an OUTGOING conversation, whose notification the ticket service
 * queues in the outbox in the same transaction. Errors are shown at their fields, the text kept.
 */
@Controller
class TicketReplyController {

    private final TicketService tickets;
    private final TicketPage page;

    TicketReplyController(TicketService tickets, TicketPage page) {
        this.tickets = tickets;
        this.page = page;
    }

    @PostMapping("/tickets/{ref}/replies")
    String reply(@PathVariable String ref, @ModelAttribute("reply") TicketReplyForm form, BindingResult errors,
            Principal principal, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Ticket ticket = tickets.getByRef(ref);
        List<String> to = checkedAddresses("to", form.getTo(), errors);
        List<String> cc = checkedAddresses("cc", form.getCc(), errors);
        if (form.getBody() == null || form.getBody().isBlank()) {
            errors.rejectValue("body", "required", "Write the reply first");
        }
        if (errors.hasErrors()) {
            return page.show(ref, form, model, response);
        }
        try {
            tickets.addConversation(ticket.id(), NewConversation.reply(to, cc, form.getBody(), null, principal.getName()));
        } catch (BadRequestException e) {
            errors.rejectValue(List.of("to", "cc").contains(e.field()) ? e.field() : "body", "invalid", e.getMessage());
            return page.show(ref, form, model, response);
        }
        redirect.addFlashAttribute("done", "Reply sent to " + String.join(", ", to.isEmpty() ? List.of("the requester") : to));
        return "redirect:/tickets/" + ticket.displayId();
    }

    private static List<String> checkedAddresses(String field, String typed, BindingResult errors) {
        List<String> addresses = TicketReplyForm.addresses(typed);
        for (String address : addresses) {
            try {
                new InternetAddress(address, true).validate();
            } catch (AddressException e) {
                errors.rejectValue(field, "invalid", "'" + address + "' is not an email address");
                return List.of();
            }
        }
        return addresses;
    }
}
