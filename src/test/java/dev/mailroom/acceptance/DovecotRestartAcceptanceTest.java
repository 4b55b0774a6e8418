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

/**
 * Dovecot is stopped and started again while a poll of 2,000 emails runs: the poll fails, a later one carries on,
 * and in the end every email is stored once and became one ticket; none lost, none twice.
 */
@AcceptanceTest
class DovecotRestartAcceptanceTest {

    static final int EMAILS = 2000;

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
    void disableServers() {
        desk.disableAll();
    }

    @ParameterizedTest(name = "{0} {1}, after-processing {3}")
    @CsvSource({"IMAP, STARTTLS, imap, MARK_SEEN", "POP3, SSL_TLS, pop3s, DELETE"})
    void restartMidFetchLosesNothingAndDuplicatesNothing(String protocol, String security, String service,
            String afterProcessing) throws Exception {
        List<String> sent = Desk.bare(helpdesk.loadRequests(EMAILS, protocol + " restart request"));
        long serverId = desk.createServer(helpdesk, protocol, security, service, afterProcessing);
        // The restart begins while the fourth batch waits for its commit; the poll goes on until it hits the outage.
        CompletableFuture<Void> restart = new CompletableFuture<>();
        interruptions.beforeCommitOfBatch(serverId, 4,
                () -> CompletableFuture.runAsync(servers::restartDovecot).whenComplete((done, error) -> {
                    if (error != null) {
                        restart.completeExceptionally(error);
                    } else {
                        restart.complete(null);
                    }
                }));

        PollResult interrupted = desk.poll(serverId);
        restart.join();

        assertThat(interrupted.failed()).as("the poll saw Dovecot go away").isTrue();
        assertThat(desk.stored(serverId)).as("stored before the outage").isBetween(300L, (long) EMAILS - 1);
        desk.pollUntilEmpty(serverId, EMAILS);
        desk.awaitIntake(serverId);

        List<String> stored = desk.storedMessageIds(serverId);
        assertThat(stored).hasSize(EMAILS).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(sent);
        assertThat(desk.audited(serverId, "RECEIVED")).isEqualTo(EMAILS);
        assertThat(desk.finalStatuses(serverId)).isEqualTo(Map.of("PROCESSED", (long) EMAILS));
        assertThat(desk.ticketMessageIds(serverId)).hasSize(EMAILS).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(desk.audited(serverId, "FETCH_FAILED")).as("one outage, one entry").isEqualTo(1);
        assertThat(desk.audited(serverId, "FETCH_RECOVERED")).isEqualTo(1);
        assertThat(desk.count("select count(*) from inbound_email where server_id = :id and action_pending = true",
                serverId)).isZero();
        if (protocol.equals("IMAP")) {
            assertThat(helpdesk.count()).isEqualTo(EMAILS);
            assertThat(helpdesk.seen()).isEqualTo(EMAILS);
        } else {
            assertThat(helpdesk.count()).isZero();
        }
    }
}
