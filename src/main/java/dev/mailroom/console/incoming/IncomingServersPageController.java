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
import dev.mailroom.oauth.OAuthConfigurations;
import dev.mailroom.oauth.ServerKind;

/**
 * Admin › Support Channels › Emails › Incoming Email Servers: every mailbox with its fetching state at a glance, the
 * same data as {@code GET /api/incoming-servers/status}.
 */
@Controller
@RequestMapping("/admin/incoming-email-servers")
class IncomingServersPageController {

    private final IncomingServerService servers;
    private final MailboxStatusService statuses;
    private final OAuthConfigurations oauth;

    IncomingServersPageController(IncomingServerService servers, MailboxStatusService statuses, OAuthConfigurations oauth) {
        this.servers = servers;
        this.statuses = statuses;
        this.oauth = oauth;
    }

    @GetMapping
    String list(Model model) {
        List<IncomingServer> all = servers.list();
        List<MailboxStatus> states = statuses.statuses(all.stream().map(IncomingServer::id).toList());
        model.addAttribute("rows", IntStream.range(0, all.size())
                .mapToObj(i -> new IncomingServerRow(all.get(i), states.get(i))).toList());
        model.addAttribute("oauth", oauth.byServer(ServerKind.INCOMING));
        return "console/incoming/list";
    }
}
