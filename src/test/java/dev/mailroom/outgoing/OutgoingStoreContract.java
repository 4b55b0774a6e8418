package dev.mailroom.outgoing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.mailroom.addresses.FilterType;
import dev.mailroom.incoming.AfterProcessing;
import dev.mailroom.incoming.IncomingServer;
import dev.mailroom.incoming.IncomingServerRepository;
import dev.mailroom.incoming.IncomingServerSettings;
import dev.mailroom.outgoing.outbox.NewOutboundEmail;
import dev.mailroom.outgoing.outbox.OutboundKind;
import dev.mailroom.outgoing.outbox.OutboundRecipient;
import dev.mailroom.outgoing.outbox.Outbox;
import dev.mailroom.transport.MailProtocol;
import dev.mailroom.transport.MailSecurity;
import dev.mailroom.transport.SmtpAuthentication;

/**
 * What the outgoing server and outbox tables must do on every database the desk runs on; subclasses pick the
 * database. Names carry a tag of their own because the database is shared with other tests of the same context.
 */
abstract class OutgoingStoreContract {

    @Autowired
    OutgoingServerRepository servers;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IncomingServerRepository incomingServers;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void serverRoundTripsWithItsFilter() {
        OutgoingServerSettings settings = settings("Relay " + tag, false, List.of("noreply@example.com", "example.org"));

        OutgoingServer saved = servers.insert(settings, "v1:secret");

        OutgoingServer found = servers.findById(saved.id()).orElseThrow();
        assertThat(found.settings()).isEqualTo(settings);
        assertThat(found.passwordSet()).isTrue();
        assertThat(servers.findByName("RELAY " + tag)).contains(found);
        assertThat(found.settings().whyFiltered("someone@mail.example.org")).isPresent();
        assertThat(found.settings().whyFiltered("someone@example.com")).isEmpty();
    }

    @Test
    void onlyOneServerIsTheDefault() {
        OutgoingServer first = servers.insert(settings("First " + tag, true, List.of()), null);
        OutgoingServer second = servers.insert(settings("Second " + tag, true, List.of()), null);

        assertThat(servers.findDefault()).map(OutgoingServer::id).contains(second.id());
        assertThat(servers.findById(first.id()).orElseThrow().settings().defaultServer()).isFalse();
        assertThat(servers.findForIncoming(null)).map(OutgoingServer::id).contains(second.id());
    }

    @Test
    void aMailboxSendsThroughItsChosenServerUntilThatServerIsDeleted() {
        OutgoingServer chosen = servers.insert(settings("Chosen " + tag, false, List.of()), "v1:secret");
        IncomingServer mailbox = incomingServers.insert(mailbox(chosen.id()), "v1:secret");

        assertThat(incomingServers.findById(mailbox.id()).orElseThrow().settings().outgoingServerId()).isEqualTo(chosen.id());
        assertThat(servers.findForIncoming(mailbox.id())).map(OutgoingServer::id).contains(chosen.id());

        incomingServers.update(mailbox.id(), mailbox(null), "v1:secret");
        assertThat(servers.outgoingServerIdOf(mailbox.id())).as("null = the default server").isEmpty();
        incomingServers.update(mailbox.id(), mailbox(chosen.id()), "v1:secret");

        servers.delete(chosen.id());
        assertThat(incomingServers.findById(mailbox.id()).orElseThrow().settings().outgoingServerId())
                .as("back to the default server").isNull();
        incomingServers.delete(mailbox.id());
    }

    @Test
    void queuedEmailKeepsItsRecipientsInOrder() {
        long id = outbox.enqueue(new NewOutboundEmail(OutboundKind.TEST_EMAIL, null, null, null, null,
                List.of(OutboundRecipient.to("a@example.com"), OutboundRecipient.cc("b@example.com")),
                "<test." + tag + "@mailroom.local>", null, List.of("<x@y>", "<z@y>"), "Test " + tag, "Hello", null,
                List.of()));

        assertThat(jdbc.sql("select state from outbox_email where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("PENDING");
        assertThat(jdbc.sql("select references_header from outbox_email where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("<x@y> <z@y>");
        assertThat(jdbc.sql("select kind || ':' || address from outbox_recipient where outbox_id = :id order by sort_order")
                .param("id", id).query(String.class).list()).containsExactly("TO:a@example.com", "CC:b@example.com");
    }

    private IncomingServerSettings mailbox(Long outgoingServerId) {
        return new IncomingServerSettings("Mailbox " + tag, List.of("box-" + tag + "@example.com"), MailProtocol.IMAP,
                "imap.example.com", 993, MailSecurity.SSL_TLS, "box", "INBOX", 60, true, AfterProcessing.MARK_SEEN, null,
                1024, List.of(), false, false, FilterType.IGNORE, List.of(), null, null, false, 10, 30, outgoingServerId);
    }

    private static OutgoingServerSettings settings(String name, boolean defaultServer, List<String> filter) {
        return new OutgoingServerSettings(name, "smtp.example.com", 587, MailSecurity.STARTTLS,
                SmtpAuthentication.PASSWORD, "desk@example.com", "desk@example.com", "Service Desk",
                "desk@example.com", true, defaultServer, OutgoingServerSettings.DEFAULT_MAX_ATTACHMENT_BYTES, filter,
                false, 10, 60);
    }
}
