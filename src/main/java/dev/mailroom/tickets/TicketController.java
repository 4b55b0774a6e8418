package dev.mailroom.tickets;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.mailroom.tickets.TicketViews.ConversationView;
import dev.mailroom.tickets.TicketViews.TicketSummaryView;
import dev.mailroom.tickets.TicketViews.TicketView;
import dev.mailroom.web.NotFoundException;
import dev.mailroom.web.PageRequest;
import dev.mailroom.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Tickets ("requests") for technicians and admins: list, read, open, change, reply and note. */
@RestController
@RequestMapping("/api/tickets")
@Tag(name = "Tickets", description = "Requests, their conversations and attachments; {ref} is the id or the display id (INC-7)")
class TicketController {

    private static final String NOT_BLANK = "(?s).*\\S.*";
    private static final int MAX_BODY = 1_000_000;

    record CreateTicket(
            @NotBlank @Size(max = TicketService.MAX_SUBJECT_LENGTH, message = "must be at most {max} characters") String subject,
            @Size(max = MAX_BODY, message = "must be at most {max} characters") String description,
            @Size(max = MAX_BODY, message = "must be at most {max} characters") String descriptionHtml,
            @NotBlank @Email @Size(max = 320, message = "must be at most {max} characters") String requesterEmail,
            @Size(max = 200, message = "must be at most {max} characters") String requesterName,
            @EnumValue(TicketPriority.class) String priority,
            Long groupId,
            Long categoryId,
            @Size(max = TicketProperties.MAX_PREFIX_LENGTH, message = "must be at most {max} characters") String prefix) {
    }

    record UpdateTicket(
            @Pattern(regexp = NOT_BLANK, message = "must not be blank") @Size(max = TicketService.MAX_SUBJECT_LENGTH, message = "must be at most {max} characters") String subject,
            @EnumValue(TicketStatus.class) String status,
            @EnumValue(TicketPriority.class) String priority,
            Long groupId,
            Long categoryId) {
    }

    record NewReply(@Size(max = MAX_BODY, message = "must be at most {max} characters") String body, @Size(max = MAX_BODY, message = "must be at most {max} characters") String bodyHtml,
            List<@NotBlank @Email @Size(max = 320, message = "must be at most {max} characters") String> to, List<@NotBlank @Email @Size(max = 320, message = "must be at most {max} characters") String> cc) {
    }

    record NewNote(@Size(max = MAX_BODY, message = "must be at most {max} characters") String body, @Size(max = MAX_BODY, message = "must be at most {max} characters") String bodyHtml) {
    }

    private final TicketService tickets;
    private final AttachmentService attachments;

    TicketController(TicketService tickets, AttachmentService attachments) {
        this.tickets = tickets;
        this.attachments = attachments;
    }

    @GetMapping
    @Operation(summary = "List tickets, newest first; createdFrom is inclusive, createdTo exclusive (ISO instants); hasAttachments=true|false")
    PageResponse<TicketSummaryView> list(
            @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) String priority,
            @RequestParam(required = false) String requester,
            @RequestParam(required = false) Long groupId,
            @RequestParam(required = false) Long categoryId,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Instant createdFrom,
            @RequestParam(required = false) Instant createdTo,
            @RequestParam(required = false) Boolean hasAttachments,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        List<TicketStatus> statuses = status == null ? List.of()
                : status.stream().map(value -> Enums.parse(TicketStatus.class, value, "status")).toList();
        TicketFilter filter = new TicketFilter(statuses, Enums.parse(TicketPriority.class, priority, "priority"),
                requester, groupId, categoryId, Enums.parse(TicketSource.class, source, "source"), q, createdFrom,
                createdTo, hasAttachments);
        return tickets.search(filter, PageRequest.of(page, size)).map(TicketSummaryView::of);
    }

    @GetMapping("/{ref}")
    @Operation(summary = "One ticket with its conversations (oldest first) and attachments")
    TicketView get(@PathVariable String ref) {
        return view(tickets.getByRef(ref).id());
    }

    @PostMapping
    @Operation(summary = "Open a ticket; the requester is found by email or created as a guest")
    ResponseEntity<TicketView> create(@Valid @RequestBody CreateTicket request) {
        NewTicket ticket = NewTicket.builder(TicketSource.API, request.requesterEmail(), request.subject())
                .requesterName(request.requesterName())
                .description(request.description(), request.descriptionHtml())
                .priority(Enums.parse(TicketPriority.class, request.priority(), "priority"))
                .group(request.groupId())
                .category(request.categoryId())
                .prefix(request.prefix())
                .build();
        Ticket created = tickets.create(ticket);
        return ResponseEntity.created(URI.create("/api/tickets/" + created.id())).body(view(created.id()));
    }

    @PatchMapping("/{ref}")
    @Operation(summary = "Change subject, status, priority, group or category (fields left out stay as they are)")
    TicketView update(@PathVariable String ref, @Valid @RequestBody UpdateTicket request) {
        Ticket ticket = tickets.getByRef(ref);
        tickets.update(ticket.id(), new TicketChanges(request.subject(),
                Enums.parse(TicketStatus.class, request.status(), "status"),
                Enums.parse(TicketPriority.class, request.priority(), "priority"),
                request.groupId(), request.categoryId()));
        return view(ticket.id());
    }

    @PostMapping("/{ref}/replies")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Reply to the requester (to defaults to the requester's email); sent by the outgoing mail feature")
    ConversationView reply(@PathVariable String ref, @Valid @RequestBody NewReply request, Principal principal) {
        Ticket ticket = tickets.getByRef(ref);
        return ConversationView.of(tickets.addConversation(ticket.id(),
                NewConversation.reply(request.to(), request.cc(), request.body(), request.bodyHtml(), principal.getName())));
    }

    @PostMapping("/{ref}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an internal note (never emailed)")
    ConversationView note(@PathVariable String ref, @Valid @RequestBody NewNote request, Principal principal) {
        Ticket ticket = tickets.getByRef(ref);
        return ConversationView.of(tickets.addConversation(ticket.id(),
                NewConversation.note(request.body(), request.bodyHtml(), principal.getName())));
    }

    private TicketView view(long ticketId) {
        TicketRow row = tickets.findRow(ticketId).orElseThrow(() -> new NotFoundException("Ticket", ticketId));
        return TicketView.of(row, tickets.conversations(ticketId), attachments.list(ticketId));
    }
}
