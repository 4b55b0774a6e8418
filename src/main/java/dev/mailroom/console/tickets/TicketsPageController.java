package dev.mailroom.console.tickets;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.mailroom.console.PageLinks;
import dev.mailroom.tickets.TicketFilter;
import dev.mailroom.tickets.TicketRow;
import dev.mailroom.tickets.TicketService;
import dev.mailroom.tickets.TicketStatus;
import dev.mailroom.web.PageRequest;
import dev.mailroom.web.PageResponse;

/** Tickets: newest first, searched by subject and filtered by status, for technicians and admins alike. */
@Controller
@RequestMapping("/tickets")
class TicketsPageController {

    private final TicketService tickets;

    TicketsPageController(TicketService tickets) {
        this.tickets = tickets;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) TicketStatus status,
            @RequestParam(required = false) Integer page, Model model) {
        TicketFilter filter = new TicketFilter(status == null ? List.of() : List.of(status), null, null, null, null, null,
                q, null, null);
        PageResponse<TicketRow> found = tickets.search(filter, PageRequest.of(page, null));
        model.addAttribute("q", q);
        model.addAttribute("status", status);
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("rows", found.items());
        model.addAttribute("paging", PageLinks.of(found));
        return "console/tickets/list";
    }
}
