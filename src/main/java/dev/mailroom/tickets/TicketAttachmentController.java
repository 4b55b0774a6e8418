package dev.mailroom.tickets;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import org.springframework.core.io.InputStreamResource;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Upload and download of ticket attachments; downloads as {@link AttachmentDownloads} serves them. */
@RestController
@RequestMapping("/api/tickets/{ref}/attachments")
@Tag(name = "Tickets")
class TicketAttachmentController {

    private final TicketService tickets;
    private final AttachmentService attachments;
    private final AttachmentDownloads downloads;

    TicketAttachmentController(TicketService tickets, AttachmentService attachments, AttachmentDownloads downloads) {
        this.tickets = tickets;
        this.attachments = attachments;
        this.downloads = downloads;
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
        return downloads.download(ref, id);
    }
}
