package dev.mailroom.console.tickets;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import dev.mailroom.tickets.Attachment;
import dev.mailroom.tickets.AttachmentService;
import dev.mailroom.tickets.Conversation;
import dev.mailroom.tickets.Ticket;
import dev.mailroom.tickets.TicketRow;
import dev.mailroom.tickets.TicketService;
import dev.mailroom.tickets.TicketStatus;
import dev.mailroom.web.NotFoundException;

/**
 * What a ticket's page shows: details, the conversation oldest first with each entry's attachments, the reply box and
 * the status choices. Shared by the page and by the forms that show it again with their errors.
 */
@Component
class TicketPage {

    static final String VIEW = "console/tickets/ticket";

    /**
     * Bodies are shown as HTML: TicketService stores every description and conversation HTML only after the OWASP
     * sanitizer (MailHtml: no scripts, handlers, javascript: links, forms). It still lets https images through, so the
     * page may load images only from us and data: URLs, and no remote request tells a sender their mail was read.
     */
    private static final String POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private final TicketService tickets;
    private final AttachmentService attachments;

    TicketPage(TicketService tickets, AttachmentService attachments) {
        this.tickets = tickets;
        this.attachments = attachments;
    }

    /** The page for {@code ref}; {@code reply} is the box as posted, or null for a fresh one to the requester. */
    String show(String ref, TicketReplyForm reply, Model model, HttpServletResponse response) {
        Ticket ticket = tickets.getByRef(ref);
        TicketRow row = tickets.findRow(ticket.id()).orElseThrow(() -> new NotFoundException("Ticket", ref));
        List<Attachment> files = attachments.list(ticket.id());
        // the key 0 holds the files of the request itself, which belong to no conversation
        Map<Long, List<Attachment>> filesByConversation = files.stream()
                .collect(Collectors.groupingBy(file -> file.conversationId() == null ? 0L : file.conversationId()));
        List<Conversation> conversations = tickets.conversations(ticket.id());
        // the bodies as shown, keyed as the files: inline images pointed at their downloads
        Map<Long, String> bodies = new HashMap<>();
        bodies.put(0L, InlineImages.resolve(ticket.descriptionHtml(), files, ticket.displayId()));
        conversations.forEach(entry -> bodies.put(entry.id(), InlineImages.resolve(entry.bodyHtml(), files, ticket.displayId())));
        model.addAttribute("row", row);
        model.addAttribute("conversations", conversations);
        model.addAttribute("files", filesByConversation);
        model.addAttribute("htmlBodies", bodies);
        model.addAttribute("statuses", TicketStatus.values());
        if (!model.containsAttribute("reply")) {
            model.addAttribute("reply", reply != null ? reply : TicketReplyForm.toRequester(row.requesterEmail()));
        }
        response.setHeader("Content-Security-Policy", POLICY);
        return VIEW;
    }
}
