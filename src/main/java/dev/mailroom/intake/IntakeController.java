package dev.mailroom.intake;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.mailroom.incoming.IncomingServerService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/intake")
@Tag(name = "Intake", description = "Judge an email again after fixing the configuration, or try one without changing anything (admin only)")
class IntakeController {

    private final IntakeReruns reruns;
    private final IncomingServerService servers;

    IntakeController(IntakeReruns reruns, IncomingServerService servers) {
        this.reruns = reruns;
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
    @Operation(summary = "Judge an ignored or failed email again under the current configuration and record the new outcome")
    IntakeOutcome reprocess(@PathVariable long id) {
        return reruns.reprocess(id);
    }
}
