package dev.mailroom.console.tickets;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.mailroom.tickets.AttachmentDownloads;

/**
 * One ticket: its details, conversation and attachments, the reply box and the status. {@code /tickets/INC-42} is also
 * the address notifications link to ({@code mailroom.base-url}). Attachments are downloaded here, with the console's
 * session, as the API serves them.
 */
@Controller
class TicketPageController {

    private final TicketPage page;
    private final AttachmentDownloads downloads;

    TicketPageController(TicketPage page, AttachmentDownloads downloads) {
        this.page = page;
        this.downloads = downloads;
    }

    @GetMapping("/tickets/{ref}")
    String ticket(@PathVariable String ref, Model model, HttpServletResponse response) {
        return page.show(ref, null, model, response);
    }

    @GetMapping("/tickets/{ref}/attachments/{id}")
    ResponseEntity<InputStreamResource> attachment(@PathVariable String ref, @PathVariable long id) throws IOException {
        return downloads.download(ref, id);
    }
}
