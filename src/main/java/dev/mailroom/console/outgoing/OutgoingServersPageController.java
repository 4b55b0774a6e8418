package dev.mailroom.console.outgoing;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import dev.mailroom.outgoing.OutgoingServerService;
import dev.mailroom.oauth.OAuthConfigurations;
import dev.mailroom.oauth.ServerKind;

/**
 * Admin › Support Channels › Emails › Outgoing Email Servers: every SMTP server, whether it can send (and if not, the
 * FAQ's "configuration is not proper" cause), and Test Connection with an optional test email.
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
        model.addAttribute("servers", servers.list());
        model.addAttribute("oauth", oauth.byServer(ServerKind.OUTGOING));
        return "console/outgoing/list";
    }
}
