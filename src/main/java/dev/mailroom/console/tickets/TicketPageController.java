package dev.mailroom.console.tickets;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.mailroom.tickets.Ticket;
import dev.mailroom.tickets.TicketService;
import dev.mailroom.web.NotFoundException;

/**
 * One ticket, read-only: its details and conversation as plain text, oldest first, each entry marked incoming,
 * outgoing or note. {@code /tickets/INC-42} is also the address notifications link to ({@code mailroom.base-url}).
 */
@Controller
class TicketPageController {

    private final TicketService tickets;

    TicketPageController(TicketService tickets) {
        this.tickets = tickets;
    }

    @GetMapping("/tickets/{ref}")
    String ticket(@PathVariable String ref, Model model) {
        Ticket ticket = tickets.getByRef(ref);
        model.addAttribute("row", tickets.findRow(ticket.id()).orElseThrow(() -> new NotFoundException("Ticket", ref)));
        model.addAttribute("conversations", tickets.conversations(ticket.id()));
        return "console/tickets/ticket";
    }
}
