package dev.mailroom.console.incoming;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;

import dev.mailroom.connectiontest.ConnectionTester;
import dev.mailroom.console.ConnectionTestPage;
import dev.mailroom.console.Htmx;
import dev.mailroom.incoming.IncomingServer;
import dev.mailroom.incoming.IncomingServerConnections;
import dev.mailroom.incoming.IncomingServerService;
import dev.mailroom.secrets.StoredPasswords;

/** Test Connection of a saved incoming server, as {@code POST /api/incoming-servers/{id}/test}: each step, pass or fail. */
@Controller
@RequestMapping("/admin/incoming-email-servers/{id}/test")
class IncomingServerTestController {

    private static final ConnectionTestPage PAGE = ConnectionTestPage.INCOMING;

    private final IncomingServerService servers;
    private final IncomingServerConnections connections;
    private final ConnectionTester tester;

    IncomingServerTestController(IncomingServerService servers, IncomingServerConnections connections,
            ConnectionTester tester) {
        this.servers = servers;
        this.connections = connections;
        this.tester = tester;
    }

    @PostMapping
    String test(@PathVariable long id, @RequestHeader(name = Htmx.REQUEST_HEADER, required = false) String htmx, Model model) {
        IncomingServer server = servers.get(id);
        return PAGE.answer(htmx, model, server, () -> tester.test(StoredPasswords.decrypted(() -> connections.of(server))));
    }
}
