package dev.mailroom.intake.parse;

import dev.mailroom.storage.BlobRef;

/**
 * A file carried by the message, stored in the blob store while parsing.
 *
 * @param fileName          the decoded file name, or a generated one such as {@code attachment-2.pdf}
 * @param fileNameGenerated true when the sender gave no name and {@code fileName} was made up from the type
 * @param contentType       the lower-cased MIME type, e.g. {@code image/png}
 * @param blob              where the decoded bytes are; {@code blob.size()} is the size in bytes
 * @param contentId         the Content-ID without angle brackets, or null
 * @param disposition       the Content-Disposition given by the sender
 * @param inline            true when the HTML body shows this part through a {@code cid:} reference
 * @param kind              file, attached message, calendar, TNEF container or content, report, oversized body
 * @param embeddedMessage   for {@link AttachmentKind#EMAIL}: the attached message's subject, sender, id and date
 */
public record ParsedAttachment(
        String fileName,
        boolean fileNameGenerated,
        String contentType,
        BlobRef blob,
        String contentId,
        Disposition disposition,
        boolean inline,
        AttachmentKind kind,
        EmbeddedMessage embeddedMessage) {

    public long size() {
        return blob.size();
    }

    public boolean calendar() {
        return kind == AttachmentKind.CALENDAR;
    }

    ParsedAttachment withInline(boolean value) {
        return new ParsedAttachment(fileName, fileNameGenerated, contentType, blob, contentId, disposition, value, kind,
                embeddedMessage);
    }
}
