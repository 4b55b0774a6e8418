package dev.mailroom.tickets;

import java.util.List;

/**
 * An entry to add to a ticket's thread. An OUTGOING reply without recipients goes to the requester.
 * HTML is sanitized by the service; if only HTML is given, the text is derived from it.
 */
public record NewConversation(ConversationDirection direction, String from, List<String> to, List<String> cc,
        String messageId, String bodyText, String bodyHtml, String createdBy, List<NewAttachment> attachments) {

    public NewConversation {
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** The same entry carrying these files (uploaded with a technician's reply or note). */
    public NewConversation withAttachments(List<NewAttachment> files) {
        return new NewConversation(direction, from, to, cc, messageId, bodyText, bodyHtml, createdBy, files);
    }

    /** An email reply that came in; {@code messageId} is its Message-ID. */
    public static NewConversation incoming(String from, List<String> to, List<String> cc, String messageId,
            String bodyText, String bodyHtml, List<NewAttachment> attachments) {
        return new NewConversation(ConversationDirection.INCOMING, from, to, cc, messageId, bodyText, bodyHtml, null,
                attachments);
    }

    /** A reply written by a technician, to be emailed by the outgoing feature. */
    public static NewConversation reply(List<String> to, List<String> cc, String bodyText, String bodyHtml,
            String createdBy) {
        return new NewConversation(ConversationDirection.OUTGOING, null, to, cc, null, bodyText, bodyHtml, createdBy,
                List.of());
    }

    public static NewConversation note(String bodyText, String bodyHtml, String createdBy) {
        return new NewConversation(ConversationDirection.NOTE, null, List.of(), List.of(), null, bodyText, bodyHtml,
                createdBy, List.of());
    }
}
