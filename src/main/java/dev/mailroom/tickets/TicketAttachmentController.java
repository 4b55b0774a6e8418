package dev.mailroom.tickets;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import dev.mailroom.tickets.TicketViews.AttachmentView;
import dev.mailroom.web.BadRequestException;
import dev.mailroom.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Upload and download of ticket attachments. Downloads are served as attachments (saved, not rendered) except raster
 * images, which the console shows inline; a sandboxing CSP keeps any uploaded HTML or SVG from running as our origin.
 */
@RestController
@RequestMapping("/api/tickets/{ref}/attachments")
@Tag(name = "Tickets")
class TicketAttachmentController {

    private static final Set<String> INLINE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    private final TicketService tickets;
    private final AttachmentService attachments;

    TicketAttachmentController(TicketService tickets, AttachmentService attachments) {
        this.tickets = tickets;
        this.attachments = attachments;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach a file (multipart part 'file') to the ticket")
    ResponseEntity<AttachmentView> upload(@PathVariable String ref, @RequestParam("file") MultipartFile file)
            throws IOException {
        if (file.isEmpty()) {
            throw new BadRequestException("file", "must not be empty");
        }
        Ticket ticket = tickets.getByRef(ref);
        Attachment attachment;
        try (InputStream content = file.getInputStream()) {
            attachment = attachments.upload(ticket.id(), file.getOriginalFilename(), file.getContentType(), content);
        }
        return ResponseEntity.created(URI.create(AttachmentView.downloadPath(attachment))).body(AttachmentView.of(attachment));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Download an attachment's content")
    ResponseEntity<InputStreamResource> download(@PathVariable String ref, @PathVariable long id) throws IOException {
        Ticket ticket = tickets.getByRef(ref);
        Attachment attachment = attachments.find(ticket.id(), id)
                .orElseThrow(() -> new NotFoundException("Attachment", id));
        InputStream content = attachments.open(attachment)
                .orElseThrow(() -> new NotFoundException("Content of attachment", id));
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
