package dev.mailroom.console.audit;

import java.io.IOException;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import dev.mailroom.audit.AuditEntry;
import dev.mailroom.audit.AuditLog;
import dev.mailroom.audit.AuditMessages;
import dev.mailroom.audit.RawEmailDownload;
import dev.mailroom.web.NotFoundException;

/** One Email Audit entry: what it is about, its trace stage by stage, its ticket, and the raw email. */
@Controller
@RequestMapping("/admin/email-audit/{id}")
class EmailAuditDetailController {

    static final String VIEW = "console/audit/detail";

    private final AuditLog audit;
    private final RawEmailDownload rawEmails;

    EmailAuditDetailController(AuditLog audit, RawEmailDownload rawEmails) {
        this.audit = audit;
        this.rawEmails = rawEmails;
    }

    @GetMapping
    String detail(@PathVariable long id, Model model) {
        AuditEntry entry = audit.find(id).orElseThrow(() -> new NotFoundException("Audit entry", id));
        model.addAttribute("entry", entry);
        model.addAttribute("reprocessable", EmailAuditRerunController.offersReprocess(entry));
        // the FAQ's answer is to restore the sender's account: the Users screen, searched for them
        model.addAttribute("senderAccountClosed", AuditMessages.SENDER_ARCHIVED_OR_DELETED.equals(entry.message()));
        return VIEW;
    }

    @GetMapping("/raw")
    ResponseEntity<InputStreamResource> raw(@PathVariable long id) throws IOException {
        return rawEmails.of(id);
    }
}
