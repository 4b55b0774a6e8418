package dev.mailroom.notifications;

import java.util.Locale;

import dev.mailroom.outgoing.outbox.OutboundKind;

/** The notifications the desk sends about tickets, each with an editable template. */
public enum NotificationKind {
    /** A new ticket: "we received your request", to the requester. */
    ACKNOWLEDGMENT(OutboundKind.ACKNOWLEDGMENT, "acknowledgment"),
    /** A technician's reply, to the conversation's To and Cc. */
    TECHNICIAN_REPLY(OutboundKind.TECHNICIAN_REPLY, "technician reply"),
    /** The ticket became RESOLVED, to the requester. */
    TICKET_RESOLVED(OutboundKind.TICKET_RESOLVED, "resolved notification");

    private final OutboundKind outbound;
    private final String words;

    NotificationKind(OutboundKind outbound, String words) {
        this.outbound = outbound;
        this.words = words;
    }

    public OutboundKind outbound() {
        return outbound;
    }

    /** Sent by the system on its own, rather than a message a person wrote. */
    public boolean automatic() {
        return outbound.automatic();
    }

    /** The folder of the shipped default under {@code notifications/}: {@code technician-reply}. */
    String resourceName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** In words, for audit messages and logs: "acknowledgment", "technician reply", "resolved notification". */
    public String words() {
        return words;
    }
}
