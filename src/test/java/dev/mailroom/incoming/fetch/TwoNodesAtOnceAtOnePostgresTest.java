package dev.mailroom.incoming.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;

import dev.mailroom.intake.IntakeProcessor;
import dev.mailroom.spool.InboundEmail;
import dev.mailroom.spool.InboundEmailRepository;
import dev.mailroom.testing.Api;
import dev.mailroom.testing.MailroomTest;
import dev.mailroom.testing.OnPostgres;

/**
 * What happens when a node is wrongly taken for dead and its work also runs on another node: two polls of one
 * mailbox at the same moment store every email once, and two intakes of the same emails make every ticket once, on
 * PostgreSQL as a cluster shares it.
 */
@MailroomTest
@OnPostgres
class TwoNodesAtOnceAtOnePostgresTest {

    private static final int EMAILS = 300;

    @RegisterExtension
    static final GreenMailExtension greenMail = GreenMailboxes.server();

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MailboxPoller poller;
    @Autowired
    MailboxDirectory directory;
    @Autowired
    InboundEmailRepository inbound;
    @Autowired
    IntakeProcessor intake;

    @Test
    void twoPollsAndTwoIntakesAtOnceStoreAndJudgeEveryEmailOnce() throws Exception {
        GreenMailUser user = GreenMailboxes.newMailbox(greenMail);
        GreenMailboxes.deliver(user, EMAILS, "Twice at once");
        long serverId = api.admin().post("/api/incoming-servers", GreenMailboxes.serverFor(greenMail, user, "IMAP", false))
                .get("id").asLong();
        MailboxToFetch mailbox = directory.findEnabled(serverId).orElseThrow();

        List<PollResult> polls = twice(() -> poller.poll(mailbox));
        assertThat(polls).allSatisfy(poll -> assertThat(poll.failed()).isFalse());
        assertThat(polls.get(0).stored() + polls.get(1).stored()).isGreaterThanOrEqualTo(EMAILS);
        Inbound stored = new Inbound(jdbc);
        assertThat(stored.rows(serverId)).isEqualTo(EMAILS);
        assertThat(stored.distinctRemoteKeys(serverId)).isEqualTo(EMAILS);
        assertThat(stored.audited(serverId, "RECEIVED")).isEqualTo(EMAILS);
        assertThat(stored.audited(serverId, "FETCH_FAILED")).isZero();

        // The application's own intake worker takes them too: three judges at once.
        List<InboundEmail> received = jdbc.sql("select id from inbound_email where server_id = :id order by id")
                .param("id", serverId).query(Long.class).list().stream()
                .map(id -> inbound.findById(id).orElseThrow()).toList();
        assertThat(received).hasSize(EMAILS);
        twice(() -> {
            received.forEach(email -> {
                try {
                    intake.process(email);
                } catch (IllegalStateException decidedByAnother) {
                    // another judge decided it first: nothing is recorded here
                }
            });
            return received.size();
        });
        long finals = stored.audited(serverId, "PROCESSED") + stored.audited(serverId, "RECEIVED_IGNORED");
        assertThat(finals).as("one final status per email").isEqualTo(EMAILS);
        assertThat(stored.audited(serverId, "PROCESSED_FAILED")).isZero();
        assertThat(jdbc.sql("select count(*) from inbound_email where server_id = :id and state = 'RECEIVED'")
                .param("id", serverId).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) - count(distinct message_id) from ticket").query(Long.class).single())
                .as("tickets made twice").isZero();
        assertThat(jdbc.sql("select count(*) from ticket").query(Long.class).single()).isPositive();
    }

    /** Runs the work on two threads released at the same moment; their results. */
    private static <T> List<T> twice(Callable<T> work) throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            Callable<T> waiting = () -> {
                go.await();
                return work.call();
            };
            List<Future<T>> results = List.of(nodes.submit(waiting), nodes.submit(waiting));
            go.countDown();
            return List.of(results.get(0).get(), results.get(1).get());
        } finally {
            nodes.shutdownNow();
        }
    }
}
