package dev.mailroom.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.mailroom.incoming.fetch.MailboxDirectory;
import dev.mailroom.incoming.fetch.MailboxPoller;
import dev.mailroom.incoming.fetch.PollResult;
import dev.mailroom.testing.Api;
import dev.mailroom.testing.FaultTest;

/**
 * Dovecot is stopped and started again while a poll of 2,000 (IMAP) or 1,000 (POP3) emails runs, between fetching a batch and committing
 * it: the poll fails at the next word to the server, later polls carry on (first paying the after-processing action
 * still owed), and in the end every email is stored once and became one ticket; none lost, none twice.
 */
@FaultTest
@AcceptanceTest
class DovecotRestartAcceptanceTest {

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MailboxPoller poller;
    @Autowired
    MailboxDirectory directory;
    @Autowired
    AcceptanceConfiguration.PollInterruptions interruptions;

    Desk desk;
    final AcceptanceServers servers = AcceptanceServers.get();
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

    @ParameterizedTest(name = "{1} emails over {0} {2}, after-processing {4}")
    @CsvSource({"IMAP, 2000, STARTTLS, imap, MARK_SEEN", "POP3, 1000, SSL_TLS, pop3s, DELETE"})
    void restartMidFetchLosesNothingAndDuplicatesNothing(String protocol, int emails, String security, String service,
            String afterProcessing) throws Exception {
        List<String> sent = Desk.bare(helpdesk.loadRequests(emails, protocol + " restart request"));
        long serverId = desk.createServer(helpdesk, protocol, security, service, afterProcessing);
        // Dovecot goes down (with every client session) while the fourth batch waits for its commit, and comes back
        // while the poll carries on against the dead connection.
        CompletableFuture<Void> restarted = new CompletableFuture<>();
        interruptions.beforeCommitOfBatch(serverId, 4, () -> {
            servers.stopDovecot();
            new Thread(() -> {
                try {
                    servers.startDovecot();
                    restarted.complete(null);
                } catch (RuntimeException e) {
                    restarted.completeExceptionally(e);
                }
            }, "dovecot-start").start();
        });

        PollResult interrupted = desk.poll(serverId);
        restarted.join();

        assertThat(interrupted.failed()).as("the poll saw Dovecot go away").isTrue();
        assertThat(desk.stored(serverId)).as("stored before the outage").isBetween(300L, (long) emails - 1);
        desk.pollUntilEmpty(serverId, emails);
        desk.awaitIntake(serverId);

        List<String> stored = desk.storedMessageIds(serverId);
        assertThat(stored).hasSize(emails).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(sent);
        assertThat(desk.audited(serverId, "RECEIVED")).isEqualTo(emails);
        assertThat(desk.finalStatuses(serverId)).isEqualTo(Map.of("PROCESSED", (long) emails));
        assertThat(desk.ticketMessageIds(serverId)).hasSize(emails).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(desk.audited(serverId, "FETCH_FAILED")).as("one outage, one entry").isEqualTo(1);
        assertThat(desk.audited(serverId, "FETCH_RECOVERED")).isEqualTo(1);
        assertThat(desk.count("select count(*) from inbound_email where server_id = :id and action_pending = true",
                serverId)).isZero();
        if (protocol.equals("IMAP")) {
            assertThat(helpdesk.count()).isEqualTo(emails);
            assertThat(helpdesk.seen()).isEqualTo(emails);
        } else {
            assertThat(helpdesk.count()).isZero();
        }
    }
}
