package dev.mailroom.demo;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import dev.mailroom.addresses.FilterType;
import dev.mailroom.incoming.IncomingServerRequest;
import dev.mailroom.incoming.IncomingServerService;
import dev.mailroom.outgoing.OutgoingServerRequest;
import dev.mailroom.outgoing.OutgoingServerService;
import dev.mailroom.transport.MailProtocol;
import dev.mailroom.transport.MailSecurity;
import dev.mailroom.transport.SmtpAuthentication;

/**
 * On the demo's first start, the incoming server that reads the demo mailbox (with spam.example on its Ignore list)
 * and the outgoing server that sends the desk's notifications into the same embedded mail server.
 */
@Component
@Profile("demo")
class DemoDesk implements ApplicationRunner {

    static final String SERVER_NAME = "Demo help desk mailbox";
    static final String OUTGOING_SERVER_NAME = "Demo outgoing mail";
    private static final Logger log = LoggerFactory.getLogger(DemoDesk.class);

    private final IncomingServerService servers;
    private final OutgoingServerService outgoingServers;
    private final DemoMailServer mailServer;

    DemoDesk(IncomingServerService servers, OutgoingServerService outgoingServers, DemoMailServer mailServer) {
        this.servers = servers;
        this.outgoingServers = outgoingServers;
        this.mailServer = mailServer;
    }

    @Override
    public void run(ApplicationArguments args) {
        // Each server on its own: a demo data directory from before outgoing mail existed gains the outgoing server.
        if (outgoingServers.list().stream().noneMatch(server -> server.name().equals(OUTGOING_SERVER_NAME))) {
            outgoingServers.create(new OutgoingServerRequest(null, OUTGOING_SERVER_NAME, "127.0.0.1",
                    mailServer.smtpPort(), MailSecurity.NONE, SmtpAuthentication.NONE, null, null, DemoMailServer.DESK,
                    "Demo IT Service Desk", DemoMailServer.DESK, true, true, null, List.of(), false, null, null, null));
            log.info("Demo: acknowledgments go out through '{}' into the embedded mail server", OUTGOING_SERVER_NAME);
        }
        if (servers.list().stream().noneMatch(server -> server.name().equals(SERVER_NAME))) {
            servers.create(new IncomingServerRequest(null, SERVER_NAME, List.of(DemoMailServer.DESK), MailProtocol.IMAP,
                    "127.0.0.1", mailServer.imapPort(), MailSecurity.NONE, DemoMailServer.DESK, DemoMailServer.PASSWORD,
                    null, 30, true, null, null, null, null, false, false, FilterType.IGNORE, List.of("spam.example"),
                    null, null, false, null, null, null));
            log.info("Demo: incoming server '{}' reads {}; see /api/tickets and /api/audit", SERVER_NAME,
                    DemoMailServer.DESK);
        }
    }
}
