package dev.mailroom.incoming.fetch;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.mailroom.incoming.IncomingServer;
import dev.mailroom.incoming.IncomingServerService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/incoming-servers")
@Tag(name = "Incoming Email Servers")
class MailboxStatusController {

    private final IncomingServerService servers;
    private final MailboxStatusService statuses;

    MailboxStatusController(IncomingServerService servers, MailboxStatusService statuses) {
        this.servers = servers;
        this.statuses = statuses;
    }

    @GetMapping("/status")
    @Operation(summary = "Fetching state of every server: last successful poll, last error, failures in a row, fetched today, backlog")
    List<MailboxStatus> all() {
        return statuses.statuses(servers.list().stream().map(IncomingServer::id).toList());
    }

    @GetMapping("/{id}/status")
    @Operation(summary = "Fetching state of one server")
    MailboxStatus one(@PathVariable long id) {
        return statuses.status(servers.get(id).id());
    }
}
