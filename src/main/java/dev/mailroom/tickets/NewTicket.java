package dev.mailroom.tickets;

import java.util.ArrayList;
import java.util.List;

/**
 * What it takes to open a ticket, from the API or from an email. The requester is found, or created as a guest,
 * by email address. HTML is sanitized by the service; if only HTML is given, the text is derived from it.
 * Unset priority means MEDIUM, unset prefix the configured default. {@code automaticMail} says, in words, what kind
 * of automatic mail (auto-reply, bounce, list mail) the ticket was made from, or is null for mail a person wrote;
 * notifications are never sent about such a ticket.
 */
public record NewTicket(String subject, String descriptionText, String descriptionHtml, String requesterEmail,
        String requesterName, TicketPriority priority, Long groupId, Long categoryId, String prefix,
        TicketSource source, Long incomingServerId, String messageId, List<NewAttachment> attachments,
        String automaticMail) {

    public NewTicket {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public static Builder builder(TicketSource source, String requesterEmail, String subject) {
        return new Builder(source, requesterEmail, subject);
    }

    public static final class Builder {
        private final TicketSource source;
        private final String requesterEmail;
        private final String subject;
        private String requesterName;
        private String descriptionText;
        private String descriptionHtml;
        private TicketPriority priority;
        private Long groupId;
        private Long categoryId;
        private String prefix;
        private Long incomingServerId;
        private String messageId;
        private String automaticMail;
        private final List<NewAttachment> attachments = new ArrayList<>();

        private Builder(TicketSource source, String requesterEmail, String subject) {
            this.source = source;
            this.requesterEmail = requesterEmail;
            this.subject = subject;
        }

        public Builder requesterName(String name) {
            this.requesterName = name;
            return this;
        }

        public Builder description(String text, String html) {
            this.descriptionText = text;
            this.descriptionHtml = html;
            return this;
        }

        public Builder priority(TicketPriority priority) {
            this.priority = priority;
            return this;
        }

        public Builder group(Long groupId) {
            this.groupId = groupId;
            return this;
        }

        public Builder category(Long categoryId) {
            this.categoryId = categoryId;
            return this;
        }

        public Builder prefix(String prefix) {
            this.prefix = prefix;
            return this;
        }

        /** The mailbox the email came in through. */
        public Builder incomingServer(Long incomingServerId) {
            this.incomingServerId = incomingServerId;
            return this;
        }

        /** The Message-ID of the email the ticket is made from, so replies to it thread onto the ticket. */
        public Builder messageId(String messageId) {
            this.messageId = messageId;
            return this;
        }

        /** The ticket is made from automatic mail, described in words ("an automatic reply (out-of-office …)"). */
        public Builder automaticMail(String description) {
            this.automaticMail = description;
            return this;
        }

        public Builder attachment(NewAttachment attachment) {
            this.attachments.add(attachment);
            return this;
        }

        public NewTicket build() {
            return new NewTicket(subject, descriptionText, descriptionHtml, requesterEmail, requesterName, priority,
                    groupId, categoryId, prefix, source, incomingServerId, messageId, attachments, automaticMail);
        }
    }
}
