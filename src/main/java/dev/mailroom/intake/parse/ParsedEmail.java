package dev.mailroom.intake.parse;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One email, parsed once. Intake stages read this value and never the raw MIME again.
 *
 * @param headers       every top-level header, decoded, in order
 * @param messageId     the Message-ID as {@code <id>}, or null when missing
 * @param inReplyTo     the first id in In-Reply-To, or null
 * @param references    the ids in References, oldest first
 * @param date          the Date header, or null when missing or unparseable
 * @param subject       the decoded subject; empty when missing
 * @param addresses     From, Sender, Reply-To, To, Cc, Bcc and the delivery headers
 * @param body          text and HTML bodies, with the new part separated from the quoted history
 * @param attachments   files stored in the blob store, in message order
 * @param signals       bounce, auto-reply, list, receipt and report indicators, each with its reason
 * @param forwarded     the original sender and subject when this message forwards another, or null
 * @param deliveryReport for a bounce: the failed recipients and the returned message's ids; otherwise empty
 * @param parseProblems what was wrong with the message and how it was read anyway; empty for a clean message
 */
public record ParsedEmail(
        EmailHeaders headers,
        String messageId,
        String inReplyTo,
        List<String> references,
        OffsetDateTime date,
        String subject,
        AddressHeaders addresses,
        EmailBody body,
        List<ParsedAttachment> attachments,
        MailSignals signals,
        ForwardedMessage forwarded,
        DeliveryReport deliveryReport,
        List<String> parseProblems) {

    public ParsedEmail {
        references = List.copyOf(references);
        attachments = List.copyOf(attachments);
        parseProblems = List.copyOf(parseProblems);
        subject = subject == null ? "" : subject;
        deliveryReport = deliveryReport == null ? DeliveryReport.NONE : deliveryReport;
    }

    /** In-Reply-To followed by References, without duplicates: every message this one says it answers. */
    public List<String> referencedIds() {
        Set<String> ids = new LinkedHashSet<>();
        if (inReplyTo != null) {
            ids.add(inReplyTo);
        }
        ids.addAll(references);
        return List.copyOf(ids);
    }

    /** True when In-Reply-To or References names this message's own Message-ID: a mail loop, not a reply. */
    public boolean referencesItself() {
        return messageId != null && referencedIds().contains(messageId);
    }

    /** The attachment an HTML {@code cid:} reference points to; accepts the id with or without {@code cid:} and brackets. */
    public Optional<ParsedAttachment> attachmentForContentId(String cid) {
        String id = ContentIds.normalize(cid);
        if (id == null) {
            return Optional.empty();
        }
        return attachments.stream().filter(a -> id.equalsIgnoreCase(a.contentId())).findFirst();
    }
}
