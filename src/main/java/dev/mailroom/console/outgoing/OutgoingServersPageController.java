package dev.mailroom.console.outgoing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import dev.mailroom.outgoing.OutgoingServer;
import dev.mailroom.outgoing.OutgoingServerService;
import dev.mailroom.outgoing.SendStatus;
import dev.mailroom.oauth.OAuthConfigurations;
import dev.mailroom.oauth.ServerKind;

/**
 * Admin › Support Channels › Emails › Outgoing Email Servers: every SMTP server, whether it can send (and if not, the
 * FAQ's "configuration is not proper" cause), whether sends through it fail now (the last error, with its time), and
 * Test Connection with an optional test email.
 */
@Controller
@RequestMapping("/admin/outgoing-email-servers")
class OutgoingServersPageController {

    private final OutgoingServerService servers;
    private final OAuthConfigurations oauth;

    OutgoingServersPageController(OutgoingServerService servers, OAuthConfigurations oauth) {
        this.servers = servers;
        this.oauth = oauth;
    }

    @GetMapping
    String list(Model model) {
        List<OutgoingServer> list = servers.list();
        Map<Long, String> notReady = new HashMap<>();
        Map<Long, SendStatus> status = new HashMap<>();
        for (OutgoingServer server : list) {
            servers.whyNotReady(server).ifPresent(why -> notReady.put(server.id(), why));
            status.put(server.id(), servers.sendStatus(server));
        }
        model.addAttribute("servers", list);
        model.addAttribute("notReady", notReady);
        model.addAttribute("sendStatus", status);
        model.addAttribute("oauth", oauth.byServer(ServerKind.OUTGOING));
        return "console/outgoing/list";
    }
}
