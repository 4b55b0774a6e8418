package dev.mailroom.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.mailroom.intake.IntakeHarness.Desk;
import dev.mailroom.intake.parse.EmailParser;
import dev.mailroom.intake.parse.HostileMessages;
import dev.mailroom.intake.parse.ParsedEmail;
import dev.mailroom.storage.BlobRef;
import dev.mailroom.storage.BlobStore;
import dev.mailroom.testing.MailroomTest;
import tools.jackson.databind.JsonNode;

/**
 * The generated hostile emails through the real intake: stored as the fetcher stores mail and judged by the worker,
 * and fetched from a GreenMail mailbox by the real poller. Each ends in exactly one final audit status, and the
 * mailbox goes on working: a normal email after them becomes a ticket.
 */
@MailroomTest
@Import(IntakeHarness.class)
class HostileMailIntakeTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            ServerSetup.createCopy(ServerSetupTest.ALL, setup -> setup.createCopy("127.0.0.1").dynamicPort()));

    @Autowired
    IntakeHarness intake;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BlobStore blobs;
    @Autowired
    EmailParser parser;

    @Test
    void everyStoredHostileEmailEndsInExactlyOneFinalStatus() throws Exception {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
        Map<Long, String> stored = new LinkedHashMap<>();
        long serverId = -1;
        for (HostileMessages.Case hostile : HostileMessages.all()) {
            BlobRef raw = blobs.put(new ByteArrayInputStream(hostile.raw()));
            long id = serverId < 0 ? intake.storeAsFetched(raw, messageIdOf(raw))
                    : intake.storeAsFetched(serverId, raw, "hostile:" + hostile.name(), messageIdOf(raw));
            serverId = jdbc.sql("select server_id from inbound_email where id = :id").param("id", id).query(Long.class).single();
            stored.put(id, hostile.name());
        }

        awaitNoneReceived(serverId);
        assertOneFinalStatusEach(stored);
        printSummary(stored);
    }

    @Test
    void hostileEmailsFetchedFromTheMailboxEachEndOnceAndANormalEmailAfterThemBecomesATicket() throws Exception {
        Desk desk = intake.desk(greenMail);
        Session session = Session.getInstance(new Properties());
        List<String> delivered = new ArrayList<>();
        for (HostileMessages.Case hostile : HostileMessages.all()) {
            if (hostile.name().equals("10,000 nested parts")) {
                // GreenMail's own store overflows its stack indexing it; the stored-as-fetched test covers it.
                continue;
            }
            byte[] raw = hostile.taggedWith("fetched").raw();
            desk.user().deliver(new MimeMessage(session, new ByteArrayInputStream(raw)));
            delivered.add(hostile.name());
        }
        long ticketsBefore = intake.tickets();

        JsonNode normal = intake.receive(desk, HostileMessages.normalEmail("after-hostile"));

        assertThat(normal.get("status").asString()).as(normal.toString()).isEqualTo("PROCESSED");
        assertThat(intake.tickets()).isGreaterThan(ticketsBefore);
        awaitNoneReceived(desk.serverId());
        Map<Long, String> fetched = new LinkedHashMap<>();
        jdbc.sql("select id, remote_key from inbound_email where server_id = :id").param("id", desk.serverId())
                .query(rs -> {
                    fetched.put(rs.getLong(1), rs.getString(2));
                });
        assertThat(fetched).as("every delivered email fetched, and the normal one").hasSize(delivered.size() + 1);
        assertOneFinalStatusEach(fetched);
    }

    /** The fuzz run's tallies: messages, outcomes by status, the heap's peak, the slowest message to parse. */
    private void printSummary(Map<Long, String> emails) throws Exception {
        Map<String, Integer> byStatus = new TreeMap<>();
        for (long id : emails.keySet()) {
            byStatus.merge(jdbc.sql("select status from audit_entry where inbound_email_id = :id and status <> 'RECEIVED'")
                    .param("id", id).query(String.class).single(), 1, Integer::sum);
        }
        String slowest = null;
        long slowestMillis = -1;
        for (HostileMessages.Case hostile : HostileMessages.all()) {
            long started = System.nanoTime();
            parser.parse(new ByteArrayInputStream(hostile.raw()));
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (millis > slowestMillis) {
                slowestMillis = millis;
                slowest = hostile.name();
            }
        }
        long peakHeap = heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.out.printf("HOSTILE SUMMARY: %d messages, outcomes %s, peak heap %d MB (of %d MB max), slowest to parse "
                + "\"%s\" %d ms%n", emails.size(), byStatus, peakHeap >> 20, Runtime.getRuntime().maxMemory() >> 20,
                slowest, slowestMillis);
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    }

    private String messageIdOf(BlobRef raw) throws Exception {
        try (InputStream in = blobs.open(raw.key()).orElseThrow()) {
            ParsedEmail parsed = parser.parse(in);
            return parsed.messageId() != null ? parsed.messageId() : "<" + raw.key() + "@generated.mailroom.invalid>";
        }
    }

    private void awaitNoneReceived(long serverId) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                jdbc.sql("select count(*) from inbound_email where server_id = :id and state = 'RECEIVED'")
                        .param("id", serverId).query(Long.class).single() == 0);
    }

    private void assertOneFinalStatusEach(Map<Long, String> emails) {
        List<String> outcomes = new ArrayList<>();
        for (var email : emails.entrySet()) {
            List<String> finals = jdbc.sql("""
                    select status || ' ' || coalesce(message, '') from audit_entry
                    where inbound_email_id = :id and status <> 'RECEIVED'""")
                    .param("id", email.getKey()).query(String.class).list();
            assertThat(finals).as(email.getValue()).hasSize(1);
            assertThat(finals.get(0)).as(email.getValue()).doesNotContain("Getting error while creating")
                    .doesNotContain("processed before");
            outcomes.add(email.getValue() + " -> " + finals.get(0));
        }
        outcomes.forEach(outcome -> System.out.println("HOSTILE " + outcome));
    }
}
