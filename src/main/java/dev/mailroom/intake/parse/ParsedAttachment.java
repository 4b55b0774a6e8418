package dev.mailroom.intake.parse;

import dev.mailroom.storage.BlobRef;

/**
 * A file carried by the message: stored in the blob store while parsing, or, when larger than
 * {@link ParseLimits#inlineAttachmentBytes()}, only measured and left in the raw email ({@link #deferred()}), to be
 * stored later from its {@code partNumber} with {@link PartLocator}.
 *
 * @param fileName          the decoded file name, or a generated one such as {@code attachment-2.pdf}
 * @param fileNameGenerated true when the sender gave no name and {@code fileName} was made up from the type
 * @param contentType       the lower-cased MIME type, e.g. {@code image/png}
 * @param blob              where the decoded bytes are; null for a deferred attachment
 * @param size              the decoded size in bytes
 * @param partNumber        the MIME part it was read from ({@link PartNumbers}); null for a file unpacked from winmail.dat
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
        long size,
        String partNumber,
        String contentId,
        Disposition disposition,
        boolean inline,
        AttachmentKind kind,
        EmbeddedMessage embeddedMessage) {

    /** True when the bytes are still only in the raw email. */
    public boolean deferred() {
        return blob == null;
    }

    public boolean calendar() {
        return kind == AttachmentKind.CALENDAR;
    }

    ParsedAttachment withInline(boolean value) {
        return new ParsedAttachment(fileName, fileNameGenerated, contentType, blob, size, partNumber, contentId, disposition, value, kind,
                embeddedMessage);
    }
}
