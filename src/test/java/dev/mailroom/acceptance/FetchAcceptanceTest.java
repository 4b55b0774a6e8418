package dev.mailroom.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.mailroom.incoming.fetch.MailboxDirectory;
import dev.mailroom.incoming.fetch.MailboxPoller;
import dev.mailroom.testing.Api;

/**
 * The whole way in from a real Dovecot: emails in the helpdesk INBOX, fetched over IMAP with STARTTLS and over POP3
 * with SSL/TLS, each becomes exactly one ticket with its final audit status, and the server side is left as configured.
 */
@AcceptanceTest
class FetchAcceptanceTest {

    static final int EMAILS = 60;

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MailboxPoller poller;
    @Autowired
    MailboxDirectory directory;

    Desk desk;
    final DovecotMailbox helpdesk = DovecotMailbox.of("helpdesk");

    @BeforeEach
    void emptyMailbox() throws Exception {
        desk = new Desk(api, jdbc, poller, directory);
        helpdesk.empty();
    }

    @AfterEach
    void deleteServers() {
        desk.deleteServers();
    }

    @Test
    void imapWithStartTlsTurnsEveryEmailIntoOneTicket() throws Exception {
        List<String> sent = Desk.bare(helpdesk.loadRequests(EMAILS, "IMAP STARTTLS request"));
        long serverId = desk.createServer(helpdesk, "IMAP", "STARTTLS", "imap", "MARK_SEEN");

        desk.pollUntilEmpty(serverId, EMAILS);
        desk.awaitIntake(serverId);

        assertEachEmailBecameOneTicket(serverId, sent);
        assertThat(helpdesk.count()).as("IMAP leaves the messages, marked seen").isEqualTo(EMAILS);
        assertThat(helpdesk.seen()).isEqualTo(EMAILS);
        assertThat(desk.poll(serverId).stored()).as("nothing is fetched twice").isZero();
    }

    @Test
    void pop3WithSslTlsTurnsEveryEmailIntoOneTicket() throws Exception {
        List<String> sent = Desk.bare(helpdesk.loadRequests(EMAILS, "POP3 SSL/TLS request"));
        long serverId = desk.createServer(helpdesk, "POP3", "SSL_TLS", "pop3s", "DELETE");

        desk.pollUntilEmpty(serverId, EMAILS);
        desk.awaitIntake(serverId);

        assertEachEmailBecameOneTicket(serverId, sent);
        assertThat(helpdesk.count()).as("POP3 deletes what it stored").isZero();
        assertThat(desk.poll(serverId).stored()).isZero();
    }

    private void assertEachEmailBecameOneTicket(long serverId, List<String> sent) {
        assertThat(desk.storedMessageIds(serverId)).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(desk.audited(serverId, "RECEIVED")).isEqualTo(sent.size());
        assertThat(desk.finalStatuses(serverId)).isEqualTo(Map.of("PROCESSED", (long) sent.size()));
        assertThat(desk.ticketMessageIds(serverId)).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(desk.audited(serverId, "FETCH_FAILED")).isZero();
    }
}
