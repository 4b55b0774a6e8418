package dev.mailroom.notifications;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import dev.mailroom.tickets.Conversation;
import dev.mailroom.tickets.Ticket;
import dev.mailroom.users.DeskUser;

/**
 * The fields a template can use. Every field is always present (empty when it has no value), so a name that is not
 * listed here is a typo the renderer reports:
 * <ul>
 * <li>{@code ticket.displayId}, {@code ticket.reference} ({@code [INC-42]}), {@code ticket.subject},
 * {@code ticket.status}, {@code ticket.priority}, {@code ticket.description} (text), {@code ticket.link} (only with
 * {@code mailroom.base-url})</li>
 * <li>{@code requester.name} (the address when no name is known), {@code requester.email}</li>
 * <li>{@code reply.text}, {@code reply.html} (sanitized HTML, or the text made HTML; use {@code {{{reply.html}}}}),
 * {@code reply.author} (technician reply only)</li>
 * <li>{@code desk.name} ({@code mailroom.notifications.desk-name})</li>
 * </ul>
 */
@Component
class TemplateFields {

    private final NotificationProperties properties;
    private final String baseUrl;

    TemplateFields(NotificationProperties properties, @Value("${mailroom.base-url:}") String baseUrl) {
        this.properties = properties;
        this.baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.strip().replaceAll("/+$", "");
    }

    Map<String, Object> of(Ticket ticket, DeskUser requester, Optional<Conversation> reply) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ticket", ticketFields(ticket));
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("name", requester.name() == null || requester.name().isBlank() ? requester.email() : requester.name());
        person.put("email", requester.email());
        fields.put("requester", person);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("text", reply.map(Conversation::bodyText).orElse(null));
        answer.put("html", reply.map(TemplateFields::replyHtml).orElse(null));
        answer.put("author", reply.map(Conversation::createdBy).orElse(null));
        fields.put("reply", answer);
        fields.put("desk", Map.of("name", properties.deskName()));
        return fields;
    }

    private Map<String, Object> ticketFields(Ticket ticket) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("displayId", ticket.displayId());
        fields.put("reference", "[" + ticket.displayId() + "]");
        fields.put("subject", ticket.subject());
        fields.put("status", ticket.status().name());
        fields.put("priority", ticket.priority().name());
        fields.put("description", ticket.descriptionText());
        fields.put("link", baseUrl == null ? null : baseUrl + "/tickets/" + ticket.displayId());
        return fields;
    }

    /** The conversation's HTML was sanitized when it was stored; a text-only reply is escaped, its lines kept. */
    private static String replyHtml(Conversation reply) {
        if (reply.bodyHtml() != null && !reply.bodyHtml().isBlank()) {
            return reply.bodyHtml();
        }
        return reply.bodyText() == null ? null : HtmlUtils.htmlEscape(reply.bodyText()).replace("\n", "<br>\n");
    }
}
