package dev.mailroom.outgoing.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.mailroom.audit.AuditEntry;
import dev.mailroom.audit.AuditStatus;
import dev.mailroom.outgoing.OutgoingServer;
import dev.mailroom.platform.SqlTime;
import dev.mailroom.testing.FaultTest;
import dev.mailroom.testing.ScriptedSmtpServer;

/**
 * A node that dies while sending leaves its email SENDING; after the lease it is sent again, once, with the same
 * Message-ID. A claim still inside its lease, and a DONE email, are never sent.
 */
@FaultTest
@SenderTest
class CrashRecoveryTest {

    @Autowired
    OutboxSender sender;
    @Autowired
    OutboxFixtures fixtures;
    @Autowired
    SendingProperties properties;

    private final ScriptedSmtpServer smtp = ScriptedSmtpServer.start();

    @AfterEach
    void stop() {
        smtp.close();
    }

    @Test
    void emailLeftSendingByADeadNodeIsSentOnceAfterTheLease() {
        OutgoingServer server = fixtures.server(new OutgoingServerSpec(smtp.port()));
        String abandoned = fixtures.enqueue(server, "abandoned@example.com");
        String stillHeld = fixtures.enqueue(server, "held@example.com");
        String done = fixtures.enqueue(server, "done@example.com");
        claim(abandoned, "dead-node", properties.lease().plus(Duration.ofMinutes(1)));
        claim(stillHeld, "busy-node", Duration.ofSeconds(10));
        fixtures.setColumn(done, "state", "DONE");

        sender.sendDue();
        sender.sendDue();

        assertThat(smtp.received()).singleElement().satisfies(received -> {
            assertThat(received.recipients()).containsExactly("abandoned@example.com");
            assertThat(received.data()).contains("Message-ID: " + abandoned);
        });
        assertThat(fixtures.state(abandoned)).isEqualTo("DONE");
        assertThat(fixtures.finalAuditOf(abandoned)).extracting(AuditEntry::status).containsExactly(AuditStatus.SENT);
        assertThat(fixtures.state(stillHeld)).isEqualTo("SENDING");
        assertThat(fixtures.finalAuditOf(stillHeld)).isEmpty();
        assertThat(fixtures.finalAuditOf(done)).isEmpty();
    }

    @Test
    void anEmailIsClaimedByOneSenderOnly() throws Exception {
        OutgoingServer server = fixtures.server(new OutgoingServerSpec(smtp.port()));
        var ids = java.util.stream.IntStream.range(0, 60).mapToObj(i -> fixtures.enqueue(server, "n" + i + "@example.com")).toList();

        // Two senders (as on two nodes) drain the same outbox at the same time.
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        var first = pool.submit(sender::sendDue);
        var second = pool.submit(sender::sendDue);
        first.get();
        second.get();
        pool.shutdown();

        assertThat(smtp.received()).hasSize(60);
        assertThat(smtp.received()).extracting(r -> r.recipients().get(0)).doesNotHaveDuplicates();
        ids.forEach(id -> assertThat(fixtures.finalAuditOf(id)).hasSize(1));
    }

    private void claim(String messageId, String node, Duration ago) {
        fixtures.setColumn(messageId, "state", "SENDING");
        fixtures.setColumn(messageId, "claimed_by", node);
        fixtures.setColumn(messageId, "claimed_at", SqlTime.now().minus(ago));
    }
}
