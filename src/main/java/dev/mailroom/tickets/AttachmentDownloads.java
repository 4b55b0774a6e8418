package dev.mailroom.tickets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import dev.mailroom.web.NotFoundException;

/**
 * A ticket attachment's content as a download, for the API and the console alike: served as an attachment (saved, not
 * rendered) except raster images, which the console shows inline; a sandboxing CSP keeps any uploaded HTML or SVG from
 * running as our origin.
 */
@Component
public class AttachmentDownloads {

    private static final Set<String> INLINE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    private final TicketService tickets;
    private final AttachmentService attachments;

    AttachmentDownloads(TicketService tickets, AttachmentService attachments) {
        this.tickets = tickets;
        this.attachments = attachments;
    }

    public ResponseEntity<InputStreamResource> download(String ref, long attachmentId) throws IOException {
        Ticket ticket = tickets.getByRef(ref);
        Attachment attachment = attachments.find(ticket.id(), attachmentId)
                .orElseThrow(() -> new NotFoundException("Attachment", attachmentId));
        InputStream content = attachments.open(attachment)
                .orElseThrow(() -> new NotFoundException("Content of attachment", attachmentId));
        MediaType type = servedType(attachment);
        ContentDisposition disposition = (INLINE_TYPES.contains(type.getType() + "/" + type.getSubtype())
                ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(FileNames.safe(attachment.fileName()), StandardCharsets.UTF_8)
                .build();
        return ResponseEntity.ok()
                .contentType(type)
                .contentLength(attachment.sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .body(new InputStreamResource(content));
    }

    private static MediaType servedType(Attachment attachment) {
        try {
            return MediaType.parseMediaType(attachment.contentType());
        } catch (InvalidMediaTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }
}
