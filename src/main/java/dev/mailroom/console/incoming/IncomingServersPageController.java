package dev.mailroom.console.incoming;

import java.util.List;
import java.util.stream.IntStream;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import dev.mailroom.incoming.IncomingServer;
import dev.mailroom.incoming.IncomingServerService;
import dev.mailroom.incoming.fetch.MailboxStatus;
import dev.mailroom.incoming.fetch.MailboxStatusService;

/**
 * Admin › Support Channels › Emails › Incoming Email Servers: every mailbox with its fetching state at a glance, the
 * same data as {@code GET /api/incoming-servers/status}.
 */
@Controller
@RequestMapping("/admin/incoming-email-servers")
class IncomingServersPageController {

    private final IncomingServerService servers;
    private final MailboxStatusService statuses;

    IncomingServersPageController(IncomingServerService servers, MailboxStatusService statuses) {
        this.servers = servers;
        this.statuses = statuses;
    }

    @GetMapping
    String list(Model model) {
        List<IncomingServer> all = servers.list();
        List<MailboxStatus> states = statuses.statuses(all.stream().map(IncomingServer::id).toList());
        model.addAttribute("rows", IntStream.range(0, all.size())
                .mapToObj(i -> new IncomingServerRow(all.get(i), states.get(i))).toList());
        return "console/incoming/list";
    }
}
