package dev.mailroom.acceptance;

import static dev.mailroom.acceptance.BenchmarkReport.round;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.search.SubjectTerm;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.kagkarlsson.scheduler.Scheduler;

import dev.mailroom.outgoing.sending.SendingProperties;
import dev.mailroom.platform.SqlTime;
import dev.mailroom.testing.Api;
import dev.mailroom.tickets.NewTicket;
import dev.mailroom.tickets.TicketService;
import dev.mailroom.tickets.TicketSource;

/**
 * Outgoing throughput: N tickets are opened through {@link TicketService} while the scheduler is paused, so N
 * acknowledgments wait in the outbox (the real notification path: template, suppression checks, signed Message-ID,
 * {@code Outbox.enqueue}); then the scheduler resumes and the clock runs until the sender, on its db-scheduler task as
 * in production, has every one of them DONE with a SENT audit entry, sent through the acceptance Postfix (587,
 * STARTTLS, AUTH as the desk). The requesters are alice and bob, so the mail lands in their Dovecot INBOXes, where it
 * is counted and then deleted. A warm-up burst goes first. Not part of {@code ./mvnw test} (tag {@code benchmark});
 * run it with {@code ./mvnw test -Pbenchmark -Dtest=OutgoingBenchmark}, see docs/performance.md.
 *
 * <p>System properties: {@code bench.notifications} (default 2000), {@code bench.warmup} (1000: after a few hundred
 * the JIT is still compiling the sending path), {@code bench.db} ({@code h2} or {@code postgres}),
 * {@code bench.timeout-minutes} (10).
 */
@Tag("benchmark")
@ExtendWith(AcceptanceServers.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({Api.class, AcceptanceConfiguration.class})
class OutgoingBenchmark {

    static final int NOTIFICATIONS = Integer.getInteger("bench.notifications", 2_000);
    static final int WARMUP = Integer.getInteger("bench.warmup", 1_000);
    static final String DB = System.getProperty("bench.db", "h2");
    static final Duration TIMEOUT = Duration.ofMinutes(Long.getLong("bench.timeout-minutes", 10));
    static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(3);

    static BenchmarkDatabase database;

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TicketService tickets;
    @Autowired
    Scheduler scheduler;
    @Autowired
    SendingProperties sending;

    final AcceptanceServers servers = AcceptanceServers.get();
    final DovecotMailbox helpdesk = DovecotMailbox.of("helpdesk");
    final List<DovecotMailbox> requesters = List.of(DovecotMailbox.of("alice"), DovecotMailbox.of("bob"));

    @DynamicPropertySource
    static void production(DynamicPropertyRegistry registry) throws IOException, SQLException {
        database = BenchmarkDatabase.register(registry, DB);
        // Production settings where the test profile differs: the sender runs, db-scheduler looks every second.
        // Mailboxes are not polled (the test profile's default): only the way out is measured.
        registry.add("mailroom.outgoing.sending-enabled", () -> "true");
        registry.add("db-scheduler.polling-interval", () -> "1s");
    }

    /** Acknowledgments waiting in the outbox: those of the tickets from {@code firstTicket} on. */
    record Enqueued(int notifications, long firstTicket, double seconds) {
    }

    /** A burst sent: from the scheduler's resumption to the last DONE. */
    record Burst(int notifications, double seconds, double firstDoneSeconds, double steadyPerSecond, long sent,
            long notSent, List<List<Object>> timeline) {
        double perSecond() {
            return notifications / seconds;
        }
    }

    @Test
    void send() throws Exception {
        long run = System.currentTimeMillis();
        String warmupTag = "outgoing benchmark " + run + " warm-up #";
        String tag = "outgoing benchmark " + run + " run #";
        var server = api.admin().post("/api/outgoing-servers", defaultServer());
        assertThat(server.status()).as(server.body().toString()).isEqualTo(201);
        try {
            send(enqueue(warmupTag, WARMUP));
            Enqueued enqueued = enqueue(tag, NOTIFICATIONS);
            BenchmarkProbe probe = new BenchmarkProbe();
            double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            Burst burst = send(enqueued);
            probe.stop();
            double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            long deliveredAfter = System.nanoTime();
            int delivered = awaitDelivered(tag, NOTIFICATIONS);
            double deliveredSeconds = (System.nanoTime() - deliveredAfter) / 1e9;

            Map<String, Object> report = new LinkedHashMap<>();
            report.put("benchmark", "outgoing");
            report.put("timestamp", Instant.now().toString());
            report.put("notifications", NOTIFICATIONS);
            report.put("warmup", WARMUP);
            report.put("database", DB);
            report.put("databaseUrl", database.description());
            report.put("server", "Postfix submission " + servers.host() + ":" + servers.port("submission")
                    + " STARTTLS + AUTH PLAIN as " + helpdesk.address());
            report.put("enqueueSeconds", round(enqueued.seconds()));
            report.put("sendSeconds", round(burst.seconds()));
            report.put("notificationsPerSecond", round(burst.perSecond()));
            report.put("firstDoneAfterSeconds", round(burst.firstDoneSeconds()));
            report.put("steadyNotificationsPerSecond", round(burst.steadyPerSecond()));
            report.put("sentAuditEntries", burst.sent());
            report.put("otherOutgoingAuditEntries", burst.notSent());
            report.put("deliveredToDovecot", delivered);
            report.put("deliveredWithinSecondsAfterLastSent", round(deliveredSeconds));
            report.put("batchSize", sending.batchSize());
            report.put("processCpuSeconds", round(probe.cpuSeconds()));
            report.put("cpuMillisPerNotification", round(1000 * probe.cpuSeconds() / NOTIFICATIONS));
            report.put("gcCount", probe.gcCount());
            report.put("gcMillis", probe.gcMillis());
            report.put("cores", Runtime.getRuntime().availableProcessors());
            report.put("loadAverageBefore", round(loadBefore));
            report.put("loadAverageAfter", round(loadAfter));
            report.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
            report.put("timeline", burst.timeline());
            Path file = BenchmarkReport.write("outgoing", report);
            System.out.println(summary(report, file));

            assertThat(burst.sent()).as("one SENT audit entry per notification").isEqualTo(NOTIFICATIONS);
            assertThat(burst.notSent()).as("outgoing audit entries other than SENT").isZero();
            assertThat(delivered).as("notifications delivered into alice's and bob's INBOX").isEqualTo(NOTIFICATIONS);
        } finally {
            for (DovecotMailbox requester : requesters) {
                requester.delete(new SubjectTerm("outgoing benchmark " + run + " "));
            }
            database.deleteBlobs();
        }
    }

    private Map<String, Object> defaultServer() {
        Map<String, Object> server = PostfixSubmission.outgoingServer(servers, helpdesk, servers.password(helpdesk.user()));
        server.put("defaultServer", true);
        return server;
    }

    /** Opens {@code count} tickets for alice and bob with the scheduler paused: their acknowledgments wait. */
    private Enqueued enqueue(String tag, int count) {
        scheduler.pause();
        long start = System.nanoTime();
        long firstTicket = Long.MAX_VALUE;
        for (int i = 1; i <= count; i++) {
            DovecotMailbox requester = requesters.get(i % requesters.size());
            long id = tickets.create(NewTicket.builder(TicketSource.API, requester.address(), "Printer jam, " + tag + i)
                    .requesterName(requester.user())
                    .description("The printer on floor " + i % 7 + " jams on every second page.", null)
                    .build()).id();
            firstTicket = Math.min(firstTicket, id);
        }
        assertThat(outbox(firstTicket, "PENDING")).as("acknowledgments waiting in the outbox").isEqualTo(count);
        return new Enqueued(count, firstTicket, (System.nanoTime() - start) / 1e9);
    }

    /** Resumes the scheduler and waits until the sender has every acknowledgment of the burst DONE. */
    private Burst send(Enqueued enqueued) throws InterruptedException {
        long firstTicket = enqueued.firstTicket();
        int count = enqueued.notifications();
        long start = System.nanoTime();
        scheduler.resume();
        List<List<Object>> timeline = new ArrayList<>();
        long deadline = start + TIMEOUT.toNanos();
        long firstDone = -1;
        while (true) {
            long done = outbox(firstTicket, "DONE");
            long now = System.nanoTime();
            timeline.add(List.of(round((now - start) / 1e9), done));
            if (done > 0 && firstDone < 0) {
                firstDone = now;
            }
            if (done >= count) {
                break;
            }
            if (now > deadline) {
                throw new AssertionError("Not sent after " + TIMEOUT + ": " + done + " of " + count + " DONE");
            }
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Burst(count, seconds, (firstDone - start) / 1e9, steadyRate(firstTicket, count),
                outgoingAudit(firstTicket, "= 'SENT'"), outgoingAudit(firstTicket, "<> 'SENT'"), sampled(timeline));
    }

    private long outbox(long firstTicket, String state) {
        return jdbc.sql("select count(*) from outbox_email where ticket_id >= :first and state = :state")
                .param("first", firstTicket).param("state", state).query(Long.class).single();
    }

    private long outgoingAudit(long firstTicket, String status) {
        return jdbc.sql("select count(*) from audit_entry where event = 'OUTGOING' and ticket_id >= :first and status "
                + status).param("first", firstTicket).query(Long.class).single();
    }

    /** Notifications per second between the first and the last one finished: the sender's pace once it runs. */
    private double steadyRate(long firstTicket, int count) {
        return jdbc.sql("""
                select min(finished_at) as first_done, max(finished_at) as last_done from outbox_email
                where ticket_id >= :first""").param("first", firstTicket)
                .query((rs, row) -> {
                    double seconds = Duration.between(SqlTime.instant(rs, "first_done"), SqlTime.instant(rs, "last_done"))
                            .toNanos() / 1e9;
                    return seconds > 0 ? (count - 1) / seconds : Double.NaN;
                }).single();
    }

    /** Waits until Postfix has handed every notification of the run to Dovecot; how many arrived. */
    private int awaitDelivered(String tag, int expected) throws MessagingException, InterruptedException {
        long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
        int delivered = 0;
        while (System.nanoTime() < deadline) {
            delivered = 0;
            for (DovecotMailbox requester : requesters) {
                delivered += requester.count(new SubjectTerm(tag));
            }
            if (delivered >= expected) {
                break;
            }
            Thread.sleep(500);
        }
        return delivered;
    }

    /** At most about 60 points of the timeline. */
    private static List<List<Object>> sampled(List<List<Object>> timeline) {
        int step = Math.max(1, timeline.size() / 60);
        List<List<Object>> points = new ArrayList<>();
        for (int i = 0; i < timeline.size(); i += step) {
            points.add(timeline.get(i));
        }
        points.add(timeline.get(timeline.size() - 1));
        return points;
    }

    private static String summary(Map<String, Object> r, Path file) {
        return String.format("""

                ================ Mailroom outgoing benchmark ================
                notifications %s acknowledgments (after %s to warm up), to alice and bob @example.test
                database      %s
                server        %s
                enqueued      in %s s (tickets opened through TicketService while the scheduler was paused)
                Mailroom      %s notifications/s — %s s from the scheduler's resumption to the last one DONE
                  steady      %s notifications/s between the first and the last finished (first after %s s)
                audit         %s SENT, %s other
                delivered     %s in alice's and bob's Dovecot INBOX (all there %s s after the last was sent)
                CPU           %s s of process CPU (%s ms per notification) on %s cores; load average %s before, %s after
                GC            %s collections, %s ms
                JSON          %s
                =============================================================
                """,
                r.get("notifications"), r.get("warmup"), r.get("databaseUrl"), r.get("server"), r.get("enqueueSeconds"),
                r.get("notificationsPerSecond"), r.get("sendSeconds"), r.get("steadyNotificationsPerSecond"),
                r.get("firstDoneAfterSeconds"), r.get("sentAuditEntries"), r.get("otherOutgoingAuditEntries"),
                r.get("deliveredToDovecot"), r.get("deliveredWithinSecondsAfterLastSent"), r.get("processCpuSeconds"),
                r.get("cpuMillisPerNotification"), r.get("cores"), r.get("loadAverageBefore"), r.get("loadAverageAfter"),
                r.get("gcCount"), r.get("gcMillis"), file.toAbsolutePath());
    }
}
