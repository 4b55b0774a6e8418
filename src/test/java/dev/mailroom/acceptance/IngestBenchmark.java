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
import java.util.Properties;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;

import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.eclipse.angus.mail.imap.protocol.UIDSet;
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

import dev.mailroom.testing.Api;

/**
 * End-to-end ingest benchmark: N generated desk emails (see {@link BenchmarkEmails}) are written into a fresh folder of
 * the acceptance Dovecot's helpdesk mailbox, fetched once by a bare Angus Mail IMAP client (the ceiling), then taken
 * in by Mailroom as in production (scheduled polls and IDLE, the intake worker on db-scheduler, H2 file database or
 * PostgreSQL) until every email has its final audit status. Not part of {@code ./mvnw test} (tag {@code benchmark});
 * run it with {@code ./mvnw test -Pbenchmark}, see docs/performance.md.
 *
 * <p>System properties: {@code bench.emails} (default 10000), {@code bench.seed} (42), {@code bench.db} ({@code h2} or
 * {@code postgres}: a new database on the PostgreSQL of {@code MAILROOM_TEST_PG_URL}).
 */
@Tag("benchmark")
@ExtendWith(AcceptanceServers.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({Api.class, AcceptanceConfiguration.class})
class IngestBenchmark {

    static final int EMAILS = Integer.getInteger("bench.emails", 10_000);
    static final long SEED = Long.getLong("bench.seed", 42);
    static final String DB = System.getProperty("bench.db", "h2");
    /** The batch Mailroom fetches with (MailboxPoller.BATCH_SIZE); the bare client uses the same. */
    static final int BATCH = 100;
    static final Duration TIMEOUT = Duration.ofMinutes(Long.getLong("bench.timeout-minutes", 30));

    static BenchmarkDatabase database;

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;

    final AcceptanceServers servers = AcceptanceServers.get();
    final DovecotMailbox helpdesk = DovecotMailbox.of("helpdesk");

    @DynamicPropertySource
    static void production(DynamicPropertyRegistry registry) throws IOException, SQLException {
        database = BenchmarkDatabase.register(registry, DB);
        // Production settings where the test profile differs: Mailroom polls by itself, db-scheduler looks every second.
        registry.add("mailroom.incoming.polling-enabled", () -> "true");
        registry.add("mailroom.incoming.idle-enabled", () -> "true");
        registry.add("db-scheduler.polling-interval", () -> "1s");
        // Ingest only: acknowledgments are queued in the outbox (part of the intake) but nobody sends them.
        registry.add("mailroom.outgoing.sending-enabled", () -> "false");
    }

    @Test
    void ingest() throws Exception {
        String folder = "Bench-" + System.currentTimeMillis();
        Path maildir = helpdesk.folderMaildir(folder);
        try {
            run(folder, maildir);
        } finally {
            deleteFolder(folder);
            database.deleteBlobs();
        }
    }

    private void run(String folder, Path maildir) throws Exception {
        // 1. Generate and load.
        long loadStart = System.nanoTime();
        BenchmarkEmails emails = new BenchmarkEmails(SEED, helpdesk.address());
        long mailboxBytes = 0;
        for (int i = 0; i < EMAILS; i++) {
            byte[] raw = emails.next();
            mailboxBytes += raw.length;
            DovecotMailbox.deliver(maildir, raw);
        }
        double loadSeconds = seconds(System.nanoTime() - loadStart);

        // 2. The ceiling: a bare client fetches the whole folder, same batches, raw bytes, nothing done with them.
        Ceiling warmUp = bareFetch(folder); // Dovecot indexes the new Maildir on the first look: not the ceiling's cost
        Ceiling ceiling = bareFetch(folder);
        assertThat(ceiling.messages()).as("messages in the Dovecot folder").isEqualTo(EMAILS);

        // 3. Mailroom.
        System.gc();
        BenchmarkProbe probe = new BenchmarkProbe();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        // The first API call pays for the web stack's warm-up and a password hash: not the ingest's cost.
        assertThat(api.admin().get("/api/incoming-servers").status()).isEqualTo(200);
        long start = System.nanoTime();
        long serverId = createServer(folder); // saving it schedules its first poll
        double createSeconds = seconds(System.nanoTime() - start);
        List<long[]> timeline = new ArrayList<>(); // ms since start, stored, done
        long storedAllAt = -1;
        long deadline = start + TIMEOUT.toNanos();
        while (true) {
            long stored = count("select count(*) from inbound_email where server_id = :id", serverId);
            long done = count("select count(*) from inbound_email where server_id = :id and state <> 'RECEIVED'", serverId);
            long now = System.nanoTime();
            timeline.add(new long[] {(now - start) / 1_000_000, stored, done});
            if (stored >= EMAILS && storedAllAt < 0) {
                storedAllAt = now;
            }
            if (stored >= EMAILS && done >= EMAILS && finalAudited(serverId) >= EMAILS) {
                break;
            }
            if (now > deadline) {
                throw new AssertionError("Not done after " + TIMEOUT + ": " + stored + " stored, " + done + " done of "
                        + EMAILS);
            }
            Thread.sleep(200);
        }
        long end = System.nanoTime();
        probe.stop();
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        double seconds = seconds(end - start);
        double fetchSeconds = seconds(storedAllAt - start);
        Map<String, Long> statuses = finalStatuses(serverId);
        assertThat(statuses.values().stream().mapToLong(Long::longValue).sum())
                .as("one final audit status per email: " + statuses).isEqualTo(EMAILS);

        // 4. Latency with IDLE: single deliveries into the watched folder, one at a time, each until it is done.
        Latency latency = idleLatency(emails, maildir, serverId);

        // 5. Report.
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", "ingest");
        report.put("timestamp", Instant.now().toString());
        report.put("emails", EMAILS);
        report.put("seed", SEED);
        report.put("database", DB);
        report.put("databaseUrl", database.description());
        report.put("protocol", "IMAP STARTTLS 127.0.0.1:" + servers.port("imap") + " (Dovecot), batch " + BATCH);
        Map<String, Object> mix = new LinkedHashMap<>();
        emails.counts().forEach((kind, n) -> mix.put(kind.name().toLowerCase(), n));
        mix.put("withAttachment200KB", emails.withAttachment());
        mix.put("mailboxBytes", mailboxBytes);
        report.put("mix", mix);
        report.put("loadSeconds", round(loadSeconds));
        report.put("mailroomSeconds", round(seconds));
        report.put("createServerSeconds", round(createSeconds));
        report.put("mailroomEmailsPerSecond", round(EMAILS / seconds));
        report.put("allStoredAfterSeconds", round(fetchSeconds));
        report.put("fetchEmailsPerSecond", round(EMAILS / fetchSeconds));
        report.put("ceilingSeconds", round(ceiling.seconds()));
        report.put("ceilingEmailsPerSecond", round(ceiling.perSecond()));
        report.put("ceilingFirstFetchEmailsPerSecond", round(warmUp.perSecond()));
        report.put("percentOfCeiling", round(100 * (EMAILS / seconds) / ceiling.perSecond()));
        report.put("finalStatuses", statuses);
        report.put("idleDeliveries", latency.deliveries());
        report.put("idleStoredP50Millis", latency.storedPercentile(50));
        report.put("idleStoredP99Millis", latency.storedPercentile(99));
        report.put("idleDoneP50Millis", latency.donePercentile(50));
        report.put("idleDoneP99Millis", latency.donePercentile(99));
        report.put("idleDoneMaxMillis", latency.donePercentile(100));
        report.put("tickets", count("select count(*) from ticket where incoming_server_id = :id", serverId));
        report.put("peakHeapMB", mb(probe.peakHeapSampled));
        report.put("peakHeapPoolsMB", mb(probe.peakHeapPools()));
        report.put("maxHeapMB", mb(Runtime.getRuntime().maxMemory()));
        report.put("gcCount", probe.gcCount());
        report.put("gcMillis", probe.gcMillis());
        report.put("peakRssMB", mb(probe.peakRss()));
        report.put("rssPeakResetAtStart", probe.rssReset);
        report.put("processCpuSeconds", round(probe.cpuSeconds()));
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("loadAverageBefore", round(loadBefore));
        report.put("loadAverageAfter", round(loadAfter));
        report.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        report.put("timeline", sampled(timeline));
        Path file = BenchmarkReport.write("ingest", report);
        System.out.println(summary(report, file));
    }

    private String summary(Map<String, Object> r, Path file) {
        @SuppressWarnings("unchecked")
        Map<String, Object> mix = (Map<String, Object>) r.get("mix");
        return String.format("""

                ================ Mailroom ingest benchmark ================
                emails        %s (seed %s): %s; %s with a 200 KB attachment; %.1f MB in all
                database      %s
                mailbox       %s; loaded into the Maildir in %s s
                Mailroom      %s emails/s — %s s from the first poll to the last final audit status
                  fetch       all stored after %s s (%s emails/s); intake finished %s s later
                ceiling       %s emails/s — bare Angus Mail client, same batches, raw bytes (%s s; first, cold look %s emails/s)
                => %s %% of the ceiling
                IDLE latency  %s single deliveries: stored p50 %s ms, p99 %s ms; final status p50 %s ms, p99 %s ms, max %s ms
                outcome       %s; %s tickets
                heap          peak %s MB sampled (pools' peaks summed %s MB) of max %s MB; GC %s collections, %s ms
                RSS           peak %s MB (VmHWM%s)
                CPU           %s s of process CPU on %s cores; load average %s before, %s after
                JSON          %s
                ===========================================================
                """,
                r.get("emails"), r.get("seed"), mixWords(mix), mix.get("withAttachment200KB"),
                ((Number) mix.get("mailboxBytes")).longValue() / 1e6,
                r.get("databaseUrl"), r.get("protocol"), r.get("loadSeconds"),
                r.get("mailroomEmailsPerSecond"), r.get("mailroomSeconds"),
                r.get("allStoredAfterSeconds"), r.get("fetchEmailsPerSecond"),
                round((Double) r.get("mailroomSeconds") - (Double) r.get("allStoredAfterSeconds")),
                r.get("ceilingEmailsPerSecond"), r.get("ceilingSeconds"), r.get("ceilingFirstFetchEmailsPerSecond"),
                r.get("percentOfCeiling"),
                r.get("idleDeliveries"), r.get("idleStoredP50Millis"), r.get("idleStoredP99Millis"),
                r.get("idleDoneP50Millis"), r.get("idleDoneP99Millis"), r.get("idleDoneMaxMillis"),
                r.get("finalStatuses"), r.get("tickets"),
                r.get("peakHeapMB"), r.get("peakHeapPoolsMB"), r.get("maxHeapMB"), r.get("gcCount"), r.get("gcMillis"),
                r.get("peakRssMB"), Boolean.TRUE.equals(r.get("rssPeakResetAtStart")) ? " reset when the run started"
                        : " since the JVM started: could not reset it",
                r.get("processCpuSeconds"), r.get("cores"), r.get("loadAverageBefore"), r.get("loadAverageAfter"),
                file.toAbsolutePath());
    }

    private static String mixWords(Map<String, Object> mix) {
        return mix.get("request") + " requests, " + mix.get("reply") + " replies, " + mix.get("auto_reply")
                + " auto-replies, " + mix.get("ignored_sender") + " from an ignored sender";
    }

    /** At most about 60 points of the timeline: seconds, stored, done. */
    private static List<List<Object>> sampled(List<long[]> timeline) {
        int step = Math.max(1, timeline.size() / 60);
        List<List<Object>> points = new ArrayList<>();
        for (int i = 0; i < timeline.size(); i += step) {
            long[] point = timeline.get(i);
            points.add(List.of(round(point[0] / 1000.0), point[1], point[2]));
        }
        long[] last = timeline.get(timeline.size() - 1);
        points.add(List.of(round(last[0] / 1000.0), last[1], last[2]));
        return points;
    }

    record Latency(List<Long> stored, List<Long> done) {
        int deliveries() {
            return done.size();
        }

        long storedPercentile(int p) {
            return percentile(stored, p);
        }

        long donePercentile(int p) {
            return percentile(done, p);
        }

        private static long percentile(List<Long> values, int p) {
            if (values.isEmpty()) {
                return -1;
            }
            List<Long> sorted = values.stream().sorted().toList();
            int rank = (int) Math.ceil(p / 100.0 * sorted.size());
            return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
        }
    }

    /**
     * {@code bench.idle-deliveries} (default 100) more emails of the same mix, delivered one at a time into the folder
     * Mailroom watches with IDLE (the server's poll interval is 10 minutes, so IDLE finds them); for each, the milliseconds
     * until it is stored and until its intake is done. Stops early after {@code bench.idle-minutes} (5).
     */
    private Latency idleLatency(BenchmarkEmails emails, Path maildir, long serverId) throws Exception {
        int deliveries = Integer.getInteger("bench.idle-deliveries", 100);
        long phaseDeadline = System.nanoTime() + Duration.ofMinutes(Long.getLong("bench.idle-minutes", 5)).toNanos();
        List<Long> stored = new ArrayList<>();
        List<Long> done = new ArrayList<>();
        Thread.sleep(2000); // the last poll is over and IDLE is listening again
        for (int i = 1; i <= deliveries && System.nanoTime() < phaseDeadline; i++) {
            byte[] raw = emails.next();
            long start = System.nanoTime();
            DovecotMailbox.deliver(maildir, raw);
            long storedAt = -1;
            long expected = EMAILS + i;
            long deadline = start + Duration.ofMinutes(2).toNanos();
            while (true) {
                long now = System.nanoTime();
                if (storedAt < 0 && count("select count(*) from inbound_email where server_id = :id", serverId) >= expected) {
                    storedAt = now;
                }
                if (storedAt >= 0 && count("select count(*) from inbound_email where server_id = :id and state <> 'RECEIVED'",
                        serverId) >= expected) {
                    stored.add((storedAt - start) / 1_000_000);
                    done.add((now - start) / 1_000_000);
                    break;
                }
                if (now > deadline) {
                    throw new AssertionError("Delivery " + i + " with IDLE not done after 2 minutes");
                }
                Thread.sleep(10);
            }
        }
        return new Latency(stored, done);
    }

    private long createServer(String folder) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Benchmark " + folder);
        body.put("mailboxAddresses", List.of(helpdesk.address()));
        body.put("protocol", "IMAP");
        body.put("host", servers.host());
        body.put("port", servers.port("imap"));
        body.put("security", "STARTTLS");
        body.put("username", helpdesk.user());
        body.put("password", servers.password(helpdesk.user()));
        body.put("folder", folder);
        body.put("afterProcessing", "MARK_SEEN");
        body.put("pollIntervalSeconds", 600); // single deliveries are found by IDLE, not by a scheduled poll
        body.put("filterType", "IGNORE");
        body.put("filterEntries", List.of(BenchmarkEmails.IGNORED_DOMAIN));
        body.put("connectTimeoutSeconds", 10);
        body.put("readTimeoutSeconds", 60);
        var created = api.admin().post("/api/incoming-servers", body);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.get("id").asLong();
    }

    private long finalAudited(long serverId) {
        return finalStatuses(serverId).values().stream().mapToLong(Long::longValue).sum();
    }

    private Map<String, Long> finalStatuses(long serverId) {
        Map<String, Long> statuses = new LinkedHashMap<>();
        jdbc.sql("""
                select a.status, count(distinct a.inbound_email_id) as n
                from audit_entry a join inbound_email e on e.id = a.inbound_email_id
                where e.server_id = :id and a.status in ('PROCESSED', 'RECEIVED_IGNORED', 'PROCESSED_FAILED')
                group by a.status order by a.status""").param("id", serverId)
                .query((rs, row) -> statuses.put(rs.getString("status"), rs.getLong("n"))).list();
        return statuses;
    }

    private long count(String sql, long serverId) {
        return jdbc.sql(sql).param("id", serverId).query(Long.class).single();
    }

    record Ceiling(int messages, long bytes, double seconds) {
        double perSecond() {
            return messages / seconds;
        }
    }

    /**
     * The bare-fetch ceiling: one STARTTLS session, the folder's UIDs and sizes, then {@code UID FETCH set (UID
     * BODY.PEEK[])} per batch of {@link #BATCH}, counting the bytes and keeping none.
     */
    private Ceiling bareFetch(String folderName) throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(servers.trustStore());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        Properties properties = new Properties();
        properties.put("mail.imap.starttls.enable", "true");
        properties.put("mail.imap.starttls.required", "true");
        properties.put("mail.imap.ssl.socketFactory", tls.getSocketFactory());
        properties.put("mail.imap.ssl.checkserveridentity", "true");
        long start = System.nanoTime();
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect(servers.host(), servers.port("imap"), helpdesk.user(), servers.password(helpdesk.user()));
        try {
            IMAPFolder folder = (IMAPFolder) store.getFolder(folderName);
            folder.open(Folder.READ_ONLY);
            try {
                var messages = folder.getMessagesByUID(1, UIDFolder.MAXUID);
                var profile = new jakarta.mail.FetchProfile();
                profile.add(UIDFolder.FetchProfileItem.UID);
                profile.add(jakarta.mail.FetchProfile.Item.SIZE);
                folder.fetch(messages, profile);
                long[] uids = Stream.of(messages).mapToLong(message -> {
                    try {
                        return folder.getUID(message);
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                }).sorted().toArray();
                long bytes = 0;
                int fetched = 0;
                for (int from = 0; from < uids.length; from += BATCH) {
                    long[] batch = java.util.Arrays.copyOfRange(uids, from, Math.min(uids.length, from + BATCH));
                    String set = UIDSet.toString(UIDSet.createUIDSets(batch));
                    long[] counted = (long[]) folder.doCommand(protocol -> {
                        Response[] responses = protocol.command("UID FETCH " + set + " (UID BODY.PEEK[])", null);
                        long batchBytes = 0;
                        long batchCount = 0;
                        for (Response response : responses) {
                            if (response instanceof FetchResponse fetch && fetch.getItem(UID.class) != null) {
                                BODY body = fetch.getItem(BODY.class);
                                if (body != null && body.getByteArray() != null) {
                                    batchBytes += body.getByteArray().getCount();
                                    batchCount++;
                                }
                            }
                        }
                        protocol.handleResult(responses[responses.length - 1]);
                        return new long[] {batchBytes, batchCount};
                    });
                    bytes += counted[0];
                    fetched += (int) counted[1];
                }
                return new Ceiling(fetched, bytes, seconds(System.nanoTime() - start));
            } finally {
                folder.close(false);
            }
        } finally {
            store.close();
        }
    }

    private void deleteFolder(String folderName) {
        try {
            Store store = Session.getInstance(new Properties()).getStore("imap");
            store.connect(servers.host(), servers.port("imap"), helpdesk.user(), servers.password(helpdesk.user()));
            try {
                Folder folder = store.getFolder(folderName);
                if (folder.exists()) {
                    folder.delete(true);
                }
            } finally {
                store.close();
            }
        } catch (MessagingException e) {
            System.err.println("Could not delete the benchmark folder " + folderName + ": " + e);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static long mb(long bytes) {
        return Math.round(bytes / (1024.0 * 1024.0));
    }
}
