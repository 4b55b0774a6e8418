package dev.mailroom.console.tickets;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.mailroom.tickets.Ticket;
import dev.mailroom.tickets.TicketChanges;
import dev.mailroom.tickets.TicketService;
import dev.mailroom.tickets.TicketStatus;

/** A ticket's status changed from its page; RESOLVED notifies the requester as any status change through the service. */
@Controller
class TicketStatusController {

    private final TicketService tickets;

    TicketStatusController(TicketService tickets) {
        this.tickets = tickets;
    }

    @PostMapping("/tickets/{ref}/status")
    String change(@PathVariable String ref, @RequestParam TicketStatus status, RedirectAttributes redirect) {
        Ticket ticket = tickets.getByRef(ref);
        Ticket updated = tickets.update(ticket.id(), TicketChanges.status(status));
        redirect.addFlashAttribute("done", "Status is now " + updated.status().name().replace('_', ' '));
        return "redirect:/tickets/" + updated.displayId();
    }
}
