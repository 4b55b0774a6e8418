package dev.mailroom.console.tickets;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

import dev.mailroom.console.ConsoleTimes;
import dev.mailroom.console.PageLinks;
import dev.mailroom.lookups.LookupKind;
import dev.mailroom.lookups.LookupService;
import dev.mailroom.tickets.TicketPriority;
import dev.mailroom.tickets.TicketRow;
import dev.mailroom.tickets.TicketService;
import dev.mailroom.tickets.TicketSource;
import dev.mailroom.tickets.TicketStatus;
import dev.mailroom.web.PageRequest;
import dev.mailroom.web.PageResponse;

/**
 * Tickets: newest first, searched and filtered as {@code GET /api/tickets} is (subject, status, requester, group,
 * category, priority, source, created days, attachments), for technicians and admins alike; paging keeps the filter.
 */
@Controller
@RequestMapping("/tickets")
class TicketsPageController {

    private final TicketService tickets;
    private final LookupService lookups;
    private final ConsoleTimes times;

    TicketsPageController(TicketService tickets, LookupService lookups, ConsoleTimes times) {
        this.tickets = tickets;
        this.lookups = lookups;
        this.times = times;
    }

    @GetMapping
    String list(@ModelAttribute("filter") TicketListFilter filter, BindingResult errors, Model model,
            HttpServletResponse response) {
        if (filter.rangeReversed()) {
            model.addAttribute("rangeProblem", "must be on or after From");
        }
        // a value of the wrong kind (?status=LOST, ?from=soon) is named in words, as ConsoleErrors does for paths
        List<String> problems = errors.getFieldErrors().stream()
                .map(error -> "'" + error.getRejectedValue() + "' is not a valid " + error.getField()).toList();
        model.addAttribute("filterProblems", problems);
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("priorities", TicketPriority.values());
        model.addAttribute("sources", TicketSource.values());
        model.addAttribute("technicianGroups", lookups.list(LookupKind.TECHNICIAN_GROUP));
        model.addAttribute("categories", lookups.list(LookupKind.CATEGORY));
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        if (!problems.isEmpty() || filter.rangeReversed()) {
            return "console/tickets/list";
        }
        PageResponse<TicketRow> found = tickets.search(filter.toFilter(times), PageRequest.of(filter.getPage(), null));
        model.addAttribute("rows", found.items());
        model.addAttribute("paging", PageLinks.of(found));
        return "console/tickets/list";
    }
}
