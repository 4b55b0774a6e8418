package dev.mailroom.intake;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.mailroom.incoming.IncomingServerService;
import dev.mailroom.web.PageRequest;
import dev.mailroom.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/intake")
@Tag(name = "Intake", description = "Judge an email again after fixing the configuration, try one without changing anything, and retry or discard the emails the intake could not finish (admin only)")
class IntakeController {

    private final IntakeReruns reruns;
    private final PoisonEmails poison;
    private final IncomingServerService servers;

    IntakeController(IntakeReruns reruns, PoisonEmails poison, IncomingServerService servers) {
        this.reruns = reruns;
        this.poison = poison;
        this.servers = servers;
    }

    @PostMapping(path = "/dry-run", consumes = {"message/rfc822", MediaType.APPLICATION_OCTET_STREAM_VALUE, MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "The outcome and trace an uploaded .eml would get now (optionally as if fetched by server ?server=ID); changes nothing")
    IntakeOutcome dryRun(InputStream rawMessage, @RequestParam(name = "server", required = false) Long serverId)
            throws IOException {
        if (serverId != null) {
            servers.get(serverId);
        }
        return reruns.dryRun(rawMessage, serverId);
    }

    @PostMapping("/emails/{id}/preview")
    @Operation(summary = "What reprocessing a stored email would do under the current configuration; changes nothing")
    IntakeOutcome preview(@PathVariable long id) {
        return reruns.preview(id);
    }

    @PostMapping("/emails/{id}/reprocess")
    @Operation(summary = "Judge an ignored or failed email again under the current configuration and record the new outcome (a poison message's retry)")
    IntakeOutcome reprocess(@PathVariable long id) {
        return reruns.reprocess(id);
    }

    @GetMapping("/failed")
    @Operation(summary = "Poison messages: the emails the intake could not finish (PROCESSED FAILED), newest first, each with its newest audit entry's message and reason")
    PageResponse<PoisonEmail> failed(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return poison.list(PageRequest.of(page, size));
    }

    @PostMapping("/emails/{id}/discard")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Discard a FAILED or IGNORED email: never judged again (and, still stored, never fetched again); audited DISCARDED, its raw email and audit entries kept")
    void discard(@PathVariable long id, Principal principal) {
        poison.discard(id, principal.getName());
    }
}
