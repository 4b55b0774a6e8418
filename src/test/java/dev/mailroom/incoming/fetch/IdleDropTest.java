package dev.mailroom.incoming.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;

import dev.mailroom.testing.Api;
import dev.mailroom.testing.FaultTest;
import dev.mailroom.testing.MailroomTest;

/**
 * The mail server's connection lost while the watcher is in IDLE, with the regular poll an hour away: the watcher
 * notices within a bounded time, reconnects, and the mail that arrived meanwhile is fetched — none missed.
 */
@FaultTest
@MailroomTest
@DirtiesContext
@TestPropertySource(properties = {"mailroom.incoming.polling-enabled=true", "mailroom.incoming.idle-refresh=2s"})
class IdleDropTest {

    @RegisterExtension
    // One server for the class: the context (and its watchers) lives across the tests.
    static final GreenMailExtension greenMail = GreenMailboxes.server().withPerMethodLifecycle(false);

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;

    @Test
    void connectionClosedMidIdleIsReconnectedAndTheMailOfTheGapFetched() throws Exception {
        GreenMailUser user = GreenMailboxes.newMailbox(greenMail);
        try (CuttableProxy proxy = new CuttableProxy(greenMail.getImap().getServerSetup().getPort())) {
            long serverId = watch(user, proxy);
            GreenMailboxes.deliver(user, 1, "Before the drop");
            await().atMost(Duration.ofSeconds(5)).until(() -> inbound().audited(serverId, "RECEIVED") == 1);

            proxy.cut();
            GreenMailboxes.deliver(user, 3, "While the server was away");
            Thread.sleep(1000);
            proxy.restore();

            long restored = System.nanoTime();
            await().atMost(Duration.ofSeconds(20)).until(() -> inbound().audited(serverId, "RECEIVED") == 4);
            System.out.println("IDLE drop: mail of the gap stored " + (System.nanoTime() - restored) / 1_000_000
                    + " ms after the server came back");
            assertThat(inbound().distinctRemoteKeys(serverId)).isEqualTo(4);
            await().atMost(Duration.ofSeconds(10)).until(() -> api.admin()
                    .get("/api/incoming-servers/" + serverId + "/status").get("idle").asBoolean());
        }
    }

    @Test
    void connectionThatDiesSilentlyMidIdleIsNoticedWithinRefreshAndReadTimeout() throws Exception {
        GreenMailUser user = GreenMailboxes.newMailbox(greenMail);
        try (CuttableProxy proxy = new CuttableProxy(greenMail.getImap().getServerSetup().getPort())) {
            long serverId = watch(user, proxy);

            proxy.silence();
            long silenced = System.nanoTime();
            GreenMailboxes.deliver(user, 2, "Announced on a dead connection");

            // idle-refresh 2 s + read timeout 5 s + the watcher's first reconnect delay 5 s, with room for a busy machine
            await().atMost(Duration.ofSeconds(40)).until(() -> inbound().audited(serverId, "RECEIVED") == 2);
            System.out.println("Silent IDLE drop: mail stored " + (System.nanoTime() - silenced) / 1_000_000
                    + " ms after the connection went silent");
            assertThat(proxy.connections()).as("a new connection was opened").isGreaterThan(2);
        }
    }

    @Test
    void quietServerKeepsOneIdleConnection() throws Exception {
        GreenMailUser user = GreenMailboxes.newMailbox(greenMail);
        try (CuttableProxy proxy = new CuttableProxy(greenMail.getImap().getServerSetup().getPort())) {
            watch(user, proxy);
            int connections = settled(proxy);
            Thread.sleep(6000);
            assertThat(proxy.connections()).as("no reconnects while all is well").isEqualTo(connections);
        }
    }

    private long watch(GreenMailUser user, CuttableProxy proxy) {
        Map<String, Object> server = GreenMailboxes.serverFor(greenMail, user, "IMAP", false);
        server.put("port", proxy.port());
        server.put("pollIntervalSeconds", 3600);
        server.put("readTimeoutSeconds", 5);
        long serverId = api.admin().post("/api/incoming-servers", server).get("id").asLong();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var status = api.admin().get("/api/incoming-servers/" + serverId + "/status");
            return status.get("idle").asBoolean() && status.body().hasNonNull("lastSuccessAt");
        });
        return serverId;
    }

    /**
     * The connections once the start-up is over: the poll a new IDLE watcher asks for may come a heartbeat after the
     * server's first poll (the watcher starts when this node takes the mailbox's lease).
     */
    private static int settled(CuttableProxy proxy) throws InterruptedException {
        int before;
        int after = proxy.connections();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        do {
            before = after;
            Thread.sleep(2500);
            after = proxy.connections();
        } while (after != before && System.nanoTime() < deadline);
        return after;
    }

    /** GreenMail's connection threads die with an exception when a connection is cut under them: expected here. */
    private static ConditionFactory await() {
        return Awaitility.await().dontCatchUncaughtExceptions();
    }

    private Inbound inbound() {
        return new Inbound(jdbc);
    }
}
