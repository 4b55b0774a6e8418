package dev.mailroom.intake.stage;

import java.util.List;

import dev.mailroom.intake.IntakeContext;
import dev.mailroom.intake.parse.ParsedAttachment;
import dev.mailroom.tickets.EmailPart;
import dev.mailroom.tickets.NewAttachment;
import dev.mailroom.platform.Counts;

/**
 * The email's attachments as the ticket records them: those the parser stored, STORED; those above the inline limit,
 * PENDING with the part of the raw email they are in, for the attachment worker to store once the ticket is committed.
 */
final class EmailAttachments {

    private EmailAttachments() {
    }

    static List<NewAttachment> of(IntakeContext context) {
        return context.email().attachments().stream().map(file -> of(file, context.inbound().id())).toList();
    }

    private static NewAttachment of(ParsedAttachment file, long inboundEmailId) {
        if (file.deferred()) {
            return NewAttachment.pending(file.fileName(), file.contentType(), file.contentId(), file.size(),
                    new EmailPart(inboundEmailId, file.partNumber()));
        }
        return NewAttachment.stored(file.fileName(), file.contentType(), file.contentId(), file.blob());
    }

    /** For the trace: "1 attachment", or "2 attachments (1 large, stored moments later)". */
    static String count(IntakeContext context) {
        List<ParsedAttachment> files = context.email().attachments();
        long deferred = files.stream().filter(ParsedAttachment::deferred).count();
        return Counts.of(files.size(), "attachment") + (deferred == 0 ? "" : " (" + deferred + " large, stored moments later)");
    }
}
