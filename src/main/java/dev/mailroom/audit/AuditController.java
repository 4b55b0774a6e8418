package dev.mailroom.audit;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.springframework.core.io.InputStreamResource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.mailroom.web.NotFoundException;
import dev.mailroom.web.PageRequest;
import dev.mailroom.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/audit")
@Tag(name = "Email Audit", description = "What happened to every email and every mailbox connection, and why (admin only)")
class AuditController {

    private final AuditLog audit;
    private final RawEmailDownload rawEmails;

    AuditController(AuditLog audit, RawEmailDownload rawEmails) {
        this.audit = audit;
        this.rawEmails = rawEmails;
    }

    @GetMapping
    @Operation(summary = "Search the audit, newest first")
    PageResponse<AuditEntry> search(@RequestParam(required = false) AuditEvent event,
            @RequestParam(required = false) List<AuditStatus> status,
            @RequestParam(required = false) Long serverId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) String sender,
            @RequestParam(required = false) String recipient,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) String messageId,
            @RequestParam(required = false) String ticket,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        var query = new AuditQuery(event, status == null ? List.of() : status, serverId, from, to, sender, recipient,
                subject, messageId, ticket);
        return audit.search(query, PageRequest.of(page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One entry with its trace")
    AuditEntry get(@PathVariable long id) {
        return audit.find(id).orElseThrow(() -> new NotFoundException("Audit entry", id));
    }

    @GetMapping("/{id}/raw")
    @Operation(summary = "Download the raw email the entry is about (.eml)")
    ResponseEntity<InputStreamResource> raw(@PathVariable long id) throws IOException {
        return rawEmails.of(id);
    }
}
