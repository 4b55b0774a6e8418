package dev.mailroom.notifications;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.mailroom.tickets.Ticket;
import dev.mailroom.tickets.TicketService;
import dev.mailroom.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Notification templates (admin only): read, change, reset to the shipped default, preview against a ticket. */
@RestController
@RequestMapping("/api/notification-templates")
@Tag(name = "Notification templates", description = "{kind}: ACKNOWLEDGMENT, TECHNICIAN_REPLY or TICKET_RESOLVED")
class NotificationTemplateController {

    static final int MAX_SUBJECT = 2000;
    static final int MAX_BODY = 200_000;

    record TemplateRequest(@NotNull Boolean enabled, @NotBlank @Size(max = MAX_SUBJECT, message = "must be at most {max} characters") String subject,
            @NotNull @Size(max = MAX_BODY, message = "must be at most {max} characters") String bodyText, @NotNull @Size(max = MAX_BODY, message = "must be at most {max} characters") String bodyHtml) {
    }

    record Preview(NotificationKind kind, String ticket, String requester, boolean enabled, String subject, String bodyText,
            String bodyHtml, boolean subjectReferenceAdded) {
    }

    private final NotificationTemplates templates;
    private final TicketService tickets;

    NotificationTemplateController(NotificationTemplates templates, TicketService tickets) {
        this.templates = templates;
        this.tickets = tickets;
    }

    @GetMapping
    List<NotificationTemplateView> list() {
        return templates.list().stream().map(NotificationTemplateView::of).toList();
    }

    @GetMapping("/{kind}")
    NotificationTemplateView get(@PathVariable String kind) {
        return NotificationTemplateView.of(templates.get(kind(kind)));
    }

    @PutMapping("/{kind}")
    @Operation(summary = "Change a template; a syntax error or unknown field is a 400 naming the field and the line")
    NotificationTemplateView put(@PathVariable String kind, @Valid @RequestBody TemplateRequest request,
            Principal principal) {
        NotificationKind notification = kind(kind);
        RenderedNotification sample = templates.save(notification, request.enabled(), request.subject(),
                request.bodyText(), request.bodyHtml(), principal.getName());
        return NotificationTemplateView.saved(templates.get(notification), sample);
    }

    @PostMapping("/{kind}/reset")
    @Operation(summary = "Back to the shipped default")
    NotificationTemplateView reset(@PathVariable String kind) {
        return NotificationTemplateView.of(templates.reset(kind(kind)));
    }

    @PostMapping("/{kind}/preview")
    @Operation(summary = "Render the template in force against a real ticket; sends and changes nothing")
    Preview preview(@PathVariable String kind, @RequestParam String ticket) {
        NotificationKind notification = kind(kind);
        Ticket found = tickets.getByRef(ticket);
        RenderedNotification rendered = templates.preview(notification, found);
        return new Preview(notification, found.displayId(), tickets.requesterOf(found).email(),
                templates.get(notification).enabled(), rendered.subject(), rendered.bodyText(), rendered.bodyHtml(),
                rendered.referenceAdded());
    }

    /** {@code technician-reply}, {@code TECHNICIAN_REPLY} and {@code technician_reply} name the same kind. */
    private static NotificationKind kind(String value) {
        String name = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(NotificationKind.values()).filter(k -> k.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundException("Notification template", value));
    }
}
