package dev.mailroom.outgoing.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import dev.mailroom.audit.AuditEvent;
import dev.mailroom.audit.AuditLog;
import dev.mailroom.audit.AuditQuery;
import dev.mailroom.audit.AuditStatus;
import dev.mailroom.outgoing.OutgoingServer;
import dev.mailroom.outgoing.outbox.OutboundKind;
import dev.mailroom.testing.FaultTest;
import dev.mailroom.testing.MailroomTest;
import dev.mailroom.testing.ScriptedSmtpServer;
import dev.mailroom.web.PageRequest;

/**
 * 1,000 notifications queued while the SMTP server is down are all delivered exactly once after it comes back. The
 * background task does the sending here (on db-scheduler, as in production), with a short backoff.
 */
@FaultTest
@MailroomTest
@Import(OutboxFixtures.class)
@TestPropertySource(properties = {"mailroom.outgoing.sending-enabled=true", "mailroom.outgoing.first-backoff=200ms",
        "mailroom.outgoing.max-backoff=500ms"})
class OutageDeliveryTest {

    private static final Logger log = LoggerFactory.getLogger(OutageDeliveryTest.class);
    private static final int COUNT = 1000;

    @Autowired
    OutboxFixtures fixtures;
    @Autowired
    AuditLog audit;

    @Test
    void thousandNotificationsQueuedWhileTheServerIsDownAreDeliveredExactlyOnceWhenItComesBack() throws Exception {
        int port = ScriptedSmtpServer.freePort();
        OutgoingServer server = fixtures.server(new OutgoingServerSpec(port));
        String tag = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> messageIds = IntStream.range(0, COUNT).mapToObj(i -> fixtures.enqueue(OutboundKind.ACKNOWLEDGMENT,
                server.id(), null, tag + " #" + i, "requester" + i + "@example.com")).toList();

        await().atMost(Duration.ofSeconds(240)).until(() -> countOf("attempts >= 1", tag) == COUNT);
        assertThat(countOf("state = 'DONE'", tag)).isZero();
        assertThat(sentEntries(tag)).isZero();

        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        try {
            long started = System.nanoTime();
            await().atMost(Duration.ofSeconds(240)).until(() -> countOf("state = 'DONE'", tag) == COUNT);
            double seconds = (System.nanoTime() - started) / 1e9;
            log.info("Delivered {} notifications to GreenMail in {} s after it came back: {} notifications/s", COUNT,
                    String.format("%.1f", seconds), String.format("%.0f", COUNT / seconds));
            Thread.sleep(1000); // anything sent twice would arrive now

            List<String> received = Arrays.stream(greenMail.getReceivedMessages()).map(OutageDeliveryTest::messageId).toList();
            assertThat(received).hasSize(COUNT).doesNotHaveDuplicates();
            assertThat(new HashSet<>(received)).isEqualTo(Set.copyOf(messageIds));
            assertThat(sentEntries(tag)).isEqualTo(COUNT);
            Map<String, Long> perRecipient = fixtures.jdbc().sql("""
                    select r.state from outbox_recipient r join outbox_email e on e.id = r.outbox_id
                    where e.subject like :tag""").param("tag", tag + "%").query(String.class).list().stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(perRecipient).containsExactly(Map.entry("SENT", (long) COUNT));
        } finally {
            greenMail.stop();
        }
    }

    private int countOf(String condition, String tag) {
        return fixtures.jdbc().sql("select count(*) from outbox_email where subject like :tag and " + condition)
                .param("tag", tag + "%").query(Integer.class).single();
    }

    private long sentEntries(String tag) {
        return audit.search(new AuditQuery(AuditEvent.OUTGOING, List.of(AuditStatus.SENT), null, null, null, null, null,
                tag, null, null), PageRequest.of(0, 1)).totalItems();
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
