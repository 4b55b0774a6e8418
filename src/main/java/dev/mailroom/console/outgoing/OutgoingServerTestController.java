package dev.mailroom.console.outgoing;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.mailroom.addresses.AddressSyntax;
import dev.mailroom.console.ConnectionTestPage;
import dev.mailroom.console.Htmx;
import dev.mailroom.outgoing.OutgoingServer;
import dev.mailroom.outgoing.OutgoingServerConnections;
import dev.mailroom.outgoing.OutgoingServerService;
import dev.mailroom.outgoing.connectiontest.OutgoingServerTests;
import dev.mailroom.secrets.StoredPasswords;
import dev.mailroom.web.BadRequestException;

/**
 * Test Connection of a saved outgoing server, as {@code POST /api/outgoing-servers/{id}/test}: DNS, TCP, TLS or
 * STARTTLS, EHLO, AUTH and, with a recipient, a test email (audited as SENT or SEND FAILED).
 */
@Controller
@RequestMapping("/admin/outgoing-email-servers/{id}/test")
class OutgoingServerTestController {

    private static final ConnectionTestPage PAGE = ConnectionTestPage.OUTGOING;

    private final OutgoingServerService servers;
    private final OutgoingServerConnections connections;
    private final OutgoingServerTests tests;

    OutgoingServerTestController(OutgoingServerService servers, OutgoingServerConnections connections,
            OutgoingServerTests tests) {
        this.servers = servers;
        this.connections = connections;
        this.tests = tests;
    }

    @PostMapping
    String test(@PathVariable long id, @RequestParam(required = false) String testRecipient,
            @RequestHeader(name = Htmx.REQUEST_HEADER, required = false) String htmx, Model model) {
        OutgoingServer server = servers.get(id);
        String recipient = testRecipient == null || testRecipient.isBlank() ? null : testRecipient.trim();
        return PAGE.answer(htmx, model, server, () -> {
            if (recipient != null && !AddressSyntax.isAddress(recipient)) {
                throw new BadRequestException("Send a test email to", "'" + recipient + "' is not an email address");
            }
            return tests.test(id, server.settings(), StoredPasswords.decrypted(() -> connections.of(server)), recipient);
        });
    }
}
