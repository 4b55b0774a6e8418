package dev.mailroom.console.tickets;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.mailroom.platform.Counts;
import dev.mailroom.storage.BlobStore;
import dev.mailroom.tickets.NewAttachment;
import dev.mailroom.tickets.NewConversation;
import dev.mailroom.tickets.Ticket;
import dev.mailroom.tickets.TicketService;
import dev.mailroom.web.BadRequestException;

/**
 * A technician's reply or internal note from the ticket page, with the files chosen in the box. A reply is added as an
 * OUTGOING conversation, whose notification (files attached) the ticket service queues in the outbox in the same
 * transaction; a note is a NOTE conversation, never emailed. Errors are shown at their fields, the text kept.
 */
@Controller
class TicketReplyController {

    private final TicketService tickets;
    private final TicketPage page;
    private final BlobStore blobs;

    TicketReplyController(TicketService tickets, TicketPage page, BlobStore blobs) {
        this.tickets = tickets;
        this.page = page;
        this.blobs = blobs;
    }

    @PostMapping("/tickets/{ref}/replies")
    String reply(@PathVariable String ref, @ModelAttribute("reply") TicketReplyForm form, BindingResult errors,
            Principal principal, Model model, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        Ticket ticket = tickets.getByRef(ref);
        List<String> to = checkedAddresses("to", form.getTo(), errors);
        List<String> cc = checkedAddresses("cc", form.getCc(), errors);
        requireBody(form, errors, "Write the reply first");
        if (errors.hasErrors()) {
            return page.show(ref, form, model, response);
        }
        if (!add(ticket, NewConversation.reply(to, cc, form.getBody(), null, principal.getName()), form, errors)) {
            return page.show(ref, form, model, response);
        }
        redirect.addFlashAttribute("done", "Reply sent to " + String.join(", ", to.isEmpty() ? List.of("the requester") : to)
                + withFiles(form));
        return "redirect:/tickets/" + ticket.displayId();
    }

    @PostMapping("/tickets/{ref}/notes")
    String note(@PathVariable String ref, @ModelAttribute("reply") TicketReplyForm form, BindingResult errors,
            Principal principal, Model model, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        Ticket ticket = tickets.getByRef(ref);
        requireBody(form, errors, "Write the note first");
        if (errors.hasErrors() || !add(ticket, NewConversation.note(form.getBody(), null, principal.getName()), form, errors)) {
            return page.show(ref, form, model, response);
        }
        redirect.addFlashAttribute("done", "Internal note added, not emailed" + withFiles(form));
        return "redirect:/tickets/" + ticket.displayId();
    }

    /** Adds the entry with the chosen files; false (with the service's refusal at its field) if it was refused. */
    private boolean add(Ticket ticket, NewConversation entry, TicketReplyForm form, BindingResult errors) throws IOException {
        try {
            tickets.addConversation(ticket.id(), entry.withAttachments(store(form.chosenFiles())));
            return true;
        } catch (BadRequestException e) {
            errors.rejectValue(List.of("to", "cc").contains(e.field()) ? e.field() : "body", "invalid", e.getMessage());
            return false;
        }
    }

    /** Into the blob store first, as the API's upload does; a file of a refused entry is collected as unreferenced. */
    private List<NewAttachment> store(List<MultipartFile> files) throws IOException {
        List<NewAttachment> stored = new ArrayList<>();
        for (MultipartFile file : files) {
            try (InputStream content = file.getInputStream()) {
                stored.add(NewAttachment.stored(file.getOriginalFilename(), file.getContentType(), null, blobs.put(content)));
            }
        }
        return stored;
    }

    private static void requireBody(TicketReplyForm form, BindingResult errors, String hint) {
        if (form.getBody() == null || form.getBody().isBlank()) {
            errors.rejectValue("body", "required", hint);
        }
    }

    private static String withFiles(TicketReplyForm form) {
        int count = form.chosenFiles().size();
        return count == 0 ? "" : ", with " + Counts.of(count, "file");
    }

    private static List<String> checkedAddresses(String field, String typed, BindingResult errors) {
        List<String> addresses = TicketReplyForm.addresses(typed);
        for (String address : addresses) {
            try {
                new InternetAddress(address, true).validate();
            } catch (AddressException e) {
                errors.rejectValue(field, "invalid", "'" + address + "' is not an email address");
                return List.of();
            }
        }
        return addresses;
    }
}
