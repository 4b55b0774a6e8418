package dev.mailroom.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.util.FileSystemUtils;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMailUtil;

import dev.mailroom.testing.ImapGreenMail;
import dev.mailroom.testing.PostgresDatabases;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cluster under faults: three Mailroom nodes (JVMs of their own, one PostgreSQL database, one blob directory)
 * ingest 5,000 emails from five IMAP mailboxes (GreenMail in this JVM) while nodes are killed with {@code kill -9} and
 * started again at random, at least 20 times. Afterwards every email has exactly one final audit status, no ticket
 * is duplicated and none is missing. It prints the run's tallies, and how long a killed node's mailboxes and
 * scheduled work took to move. Needs the PostgreSQL of MAILROOM_TEST_PG_URL (CI has it).
 */
@EnabledIfEnvironmentVariable(named = "MAILROOM_TEST_PG_URL", matches = ".+", disabledReason = "the cluster fault test "
        + "needs a PostgreSQL server the three node JVMs share: eval \"$(scripts/acceptance/mailservers-up.sh)\"")
class ClusterFaultTest {

    private static final int EMAILS = 5000;
    private static final int MAILBOXES = 5;
    private static final int NODES = 3;
    private static final int MIN_KILLS = 20;
    private static final Duration LOADING = Duration.ofSeconds(90);
    private static final Duration KILLING_AT_MOST = Duration.ofMinutes(6);
    private static final Duration DRAIN_AT_MOST = Duration.ofMinutes(5);
    private static final String PASSWORD = "Cluster-Mailbox-Pw";
    private static final String ADMIN_PASSWORD = "cluster-admin-secret";
    private static final List<String> FINAL = List.of("PROCESSED", "RECEIVED_IGNORED", "PROCESSED_FAILED");

    @RegisterExtension
    static final GreenMailExtension greenMail = ImapGreenMail.onLoopback();

    private final Random random = new Random(9);
    private final List<MailroomNodeProcess> nodes = new ArrayList<>();
    private final List<Long> leaseFailovers = new CopyOnWriteArrayList<>();
    private final List<Long> workFailovers = new CopyOnWriteArrayList<>();
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private PostgresDatabases.Database database;

    @Test
    void threeNodesKilledAtRandomLoseNoEmailAndMakeNoTicketTwice() throws Exception {
        database = PostgresDatabases.newDatabase("mailroom_cluster_" + run);
        Path root = Files.createDirectories(Path.of("target", "cluster-fault", run)).toAbsolutePath();
        Thread reaper = new Thread(this::killAll, "cluster-fault-reaper");
        Runtime.getRuntime().addShutdownHook(reaper); // the nodes never outlive this JVM, whatever ends it
        try {
            List<String> shared = sharedSettings(root);
            for (int i = 1; i <= NODES; i++) {
                nodes.add(new MailroomNodeProcess("node-" + i, root, shared));
            }
            long start = System.nanoTime();
            MailroomNodeProcess first = nodes.get(0);
            first.start();
            awaitReady(first, Duration.ofMinutes(2));
            List<GreenMailUser> mailboxes = createMailboxes(first);
            nodes.subList(1, NODES).forEach(MailroomNodeProcess::start);

            long ingestStart = System.nanoTime();
            AtomicInteger delivered = new AtomicInteger();
            Thread loader = new Thread(() -> load(mailboxes, delivered), "cluster-fault-loader");
            loader.start();
            Kills kills = killAtRandom(loader);
            loader.join(Duration.ofMinutes(1).toMillis());
            assertThat(delivered.get()).as("emails delivered into the mailboxes").isEqualTo(EMAILS);

            nodes.stream().filter(node -> !node.isAlive()).forEach(MailroomNodeProcess::start);
            long done = awaitAllFinal(DRAIN_AT_MOST);
            double seconds = (System.nanoTime() - ingestStart) / 1e9;

            Map<String, Integer> outcomes = checkEveryEmailOnceAndEveryTicketOnce(done);
            System.out.printf("""
                    Cluster fault run %s: %d nodes on one PostgreSQL, %d mailboxes
                      emails %d, kills (kill -9) %s, whole run %.1f s (start-up included), ingest %.1f s, %.1f emails/s
                      final statuses %s, duplicates 0, missing 0
                      mailbox lease moved after a kill (ms): %s
                      scheduled work a killed node was running, taken over (ms): %s
                    """, run, NODES, MAILBOXES, EMAILS, kills, (System.nanoTime() - start) / 1e9, seconds,
                    EMAILS / seconds, outcomes, summary(leaseFailovers), summary(workFailovers));
            killAll();
            FileSystemUtils.deleteRecursively(root); // kept when the run fails: the nodes' logs are there
        } finally {
            killAll();
            Runtime.getRuntime().removeShutdownHook(reaper);
        }
    }

    private List<String> sharedSettings(Path root) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return List.of("--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--spring.datasource.hikari.maximum-pool-size=6",
                "--mailroom.blob-dir=" + root.resolve("blobs"),
                "--mailroom.secrets.key=" + Base64.getEncoder().encodeToString(key),
                "--mailroom.admin.password=" + ADMIN_PASSWORD,
                "--mailroom.outgoing.sending-enabled=false",
                "--logging.level.root=WARN", "--logging.level.dev.mailroom=INFO",
                "--springdoc.api-docs.enabled=false", "--springdoc.swagger-ui.enabled=false");
    }

    private List<GreenMailUser> createMailboxes(MailroomNodeProcess node) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        List<GreenMailUser> users = new ArrayList<>();
        for (int i = 1; i <= MAILBOXES; i++) {
            String address = "desk" + i + "-" + run + "@cluster.test";
            GreenMailUser user = greenMail.setUser(address, address, PASSWORD);
            Map<String, Object> server = new LinkedHashMap<>();
            server.put("name", "Cluster desk " + i);
            server.put("mailboxAddresses", List.of(address));
            server.put("protocol", "IMAP");
            server.put("host", "127.0.0.1");
            server.put("port", greenMail.getImap().getServerSetup().getPort());
            server.put("security", "NONE");
            server.put("username", address);
            server.put("password", PASSWORD);
            server.put("afterProcessing", "MARK_SEEN");
            server.put("pollIntervalSeconds", 30);
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/incoming-servers"))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JsonMapper.shared().writeValueAsString(server))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            users.add(user);
        }
        return users;
    }

    /** Delivers the emails into the mailboxes in small bursts, spread over {@link #LOADING}. */
    private void load(List<GreenMailUser> mailboxes, AtomicInteger delivered) {
        int bursts = 100;
        long pause = LOADING.toMillis() / bursts;
        try {
            for (int burst = 0; burst < bursts; burst++) {
                for (int i = burst * EMAILS / bursts; i < (burst + 1) * EMAILS / bursts; i++) {
                    GreenMailUser mailbox = mailboxes.get(i % mailboxes.size());
                    mailbox.deliver(GreenMailUtil.newMimeMessage(email(i, mailbox.getEmail())));
                    delivered.incrementAndGet();
                }
                Thread.sleep(pause);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String email(int i, String to) {
        return "Message-ID: <" + messageId(i) + ">\r\n"
                + "From: Requester " + i + " <requester-" + i + "@customer.test>\r\n"
                + "To: " + to + "\r\n"
                + "Subject: Cluster fault " + run + " #" + i + "\r\n"
                + "Date: Thu, 3 Dec 2026 12:00:00 +0000\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Hello desk,\r\n\r\nrequest " + i + " of run " + run + ": the printer on floor " + (i % 9)
                + " is jammed again.\r\n\r\nRegards,\r\nRequester " + i + "\r\n";
    }

    private String messageId(int i) {
        return "cluster-" + run + "-" + i + "@fault.test";
    }

    /**
     * Every few seconds a random serving node is killed with kill -9 and started again at once, as long as another
     * node serves (so the cluster always makes progress); now and then a node still starting is killed instead. Until
     * the mail is loaded and there were at least {@link #MIN_KILLS} kills, at least half of them of a serving node.
     */
    private Kills killAtRandom(Thread loader) throws Exception {
        Kills kills = new Kills();
        long deadline = System.nanoTime() + KILLING_AT_MOST.toNanos();
        while ((kills.total() < MIN_KILLS || kills.serving < MIN_KILLS / 2 || loader.isAlive())
                && System.nanoTime() < deadline) {
            Thread.sleep(2000 + random.nextInt(3000));
            // A node that ended by itself (it could not start while the shared database was away) starts again.
            nodes.stream().filter(node -> !node.isAlive()).forEach(MailroomNodeProcess::start);
            List<MailroomNodeProcess> serving = nodes.stream().filter(MailroomNodeProcess::isReady).toList();
            List<MailroomNodeProcess> starting = nodes.stream()
                    .filter(node -> !node.isReady() && node.aliveFor().toSeconds() >= 3).toList();
            boolean killServing = serving.size() >= 2;
            if (!killServing && (starting.isEmpty() || random.nextInt(3) > 0)) {
                continue;
            }
            List<MailroomNodeProcess> candidates = killServing ? serving : starting;
            MailroomNodeProcess victim = candidates.get(random.nextInt(candidates.size()));
            List<Long> held = heldBy(victim.name());
            boolean working = running(victim.name()) > 0;
            Instant killedAt = Instant.now();
            victim.kill();
            if (killServing) {
                kills.serving++;
                watchFailover(victim.name(), held, working, killedAt);
            } else {
                kills.starting++;
            }
            victim.start();
        }
        assertThat(kills.total()).as("kills within " + KILLING_AT_MOST).isGreaterThanOrEqualTo(MIN_KILLS);
        assertThat(kills.serving).as("kills of serving nodes within " + KILLING_AT_MOST)
                .isGreaterThanOrEqualTo(MIN_KILLS / 2);
        return kills;
    }

    /** Kills of a node that was serving, and of one still starting. */
    private static final class Kills {
        int serving;
        int starting;

        int total() {
            return serving + starting;
        }

        @Override
        public String toString() {
            return total() + " (" + serving + " of a serving node, " + starting + " of a node still starting)";
        }
    }

    /**
     * Measures, off the kill loop, when the killed node's leases and the scheduled work it was running are with
     * another node.
     */
    private void watchFailover(String node, List<Long> held, boolean working, Instant killedAt) {
        Thread watcher = new Thread(() -> {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            boolean leasesMoved = held.isEmpty();
            boolean workMoved = !working;
            try (Connection db = connect()) {
                while ((!leasesMoved || !workMoved) && System.nanoTime() < deadline) {
                    long millis = Duration.between(killedAt, Instant.now()).toMillis();
                    if (!leasesMoved && count(db, "select count(*) from mailbox_lease where server_id in (" + ids(held)
                            + ") and node_name <> '" + node + "' and expires_at > current_timestamp") == held.size()) {
                        leasesMoved = true;
                        leaseFailovers.add(millis);
                    }
                    if (!workMoved && count(db, "select count(*) from scheduled_tasks where picked = true and picked_by = '"
                            + node + "' and last_heartbeat < '" + java.sql.Timestamp.from(killedAt) + "'") == 0) {
                        workMoved = true;
                        workFailovers.add(millis);
                    }
                    Thread.sleep(100);
                }
            } catch (SQLException | InterruptedException e) {
                // a measurement only; the checks at the end are what count
            }
        }, "failover-" + node);
        watcher.setDaemon(true);
        watcher.start();
    }

    /** How many scheduled executions (polls, jobs) the node is running now (none known without the database). */
    private long running(String node) {
        try (Connection db = connect()) {
            return count(db, "select count(*) from scheduled_tasks where picked = true and picked_by = '" + node + "'");
        } catch (SQLException e) {
            return 0;
        }
    }

    /** The mailboxes the node holds now (none known if the database cannot be asked: a measurement only). */
    private List<Long> heldBy(String node) {
        try (Connection db = connect(); Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("select server_id from mailbox_lease where node_name = '" + node
                        + "' and expires_at > current_timestamp")) {
            List<Long> held = new ArrayList<>();
            while (rows.next()) {
                held.add(rows.getLong(1));
            }
            return held;
        } catch (SQLException e) {
            return List.of();
        }
    }

    /** Waits until every email of the run has a final audit status; returns how many have. */
    private long awaitAllFinal(Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        long finished = 0;
        while (System.nanoTime() < deadline) {
            try (Connection db = connect()) {
                finished = count(db, "select count(distinct message_id) from audit_entry where status in ("
                        + quoted(FINAL) + ") and message_id like '%cluster-" + run + "-%'");
                if (finished >= EMAILS) {
                    return finished;
                }
            } catch (SQLException e) {
                // the database may be restarting (other suites share the server): ask again
            }
            Thread.sleep(500);
        }
        throw new AssertionError("only " + finished + " of " + EMAILS + " emails have a final status after " + atMost
                + "; node logs: " + nodes.stream().map(node -> node.log().toString()).toList());
    }

    private Map<String, Integer> checkEveryEmailOnceAndEveryTicketOnce(long finished) throws SQLException {
        assertThat(finished).isEqualTo(EMAILS);
        try (Connection db = connect()) {
            String ours = "message_id like '%cluster-" + run + "-%'";
            assertThat(count(db, "select count(*) from inbound_email where " + ours)).as("emails stored").isEqualTo(EMAILS);
            assertThat(count(db, "select count(distinct message_id) from inbound_email where " + ours)).as("missing")
                    .isEqualTo(EMAILS);
            assertThat(count(db, "select count(*) from audit_entry where status in (" + quoted(FINAL) + ") and " + ours))
                    .as("final statuses: exactly one per email").isEqualTo(EMAILS);
            assertThat(count(db, "select count(*) from inbound_email where state = 'RECEIVED' and " + ours)).isZero();
            assertThat(count(db, "select count(*) from (select message_id from ticket where " + ours
                    + " group by message_id having count(*) > 1) twice")).as("duplicated tickets").isZero();
            Map<String, Integer> outcomes = new LinkedHashMap<>();
            try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(
                    "select status, count(*) from audit_entry where status in (" + quoted(FINAL) + ") and " + ours
                            + " group by status order by status")) {
                while (rows.next()) {
                    outcomes.put(rows.getString(1), rows.getInt(2));
                }
            }
            int tickets = (int) count(db, "select count(*) from ticket where " + ours);
            assertThat(tickets).as("one ticket per processed email").isEqualTo(outcomes.getOrDefault("PROCESSED", 0));
            assertThat(outcomes).as("every email became a ticket").containsEntry("PROCESSED", EMAILS);
            return outcomes;
        }
    }

    private void awaitReady(MailroomNodeProcess node, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!node.isReady()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("node " + node.name() + " did not start; see " + node.log());
            }
            if (!node.isAlive()) {
                Thread.sleep(1000);
                node.start(); // it could not start while the shared database was away: again
            }
            Thread.sleep(200);
        }
    }

    private void killAll() {
        nodes.forEach(MailroomNodeProcess::kill);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String quoted(List<String> values) {
        return String.join(", ", values.stream().map(value -> "'" + value + "'").toList());
    }

    private static String ids(List<Long> ids) {
        return String.join(", ", ids.stream().map(String::valueOf).toList());
    }

    private static String summary(List<Long> millis) {
        if (millis.isEmpty()) {
            return "none measured";
        }
        List<Long> sorted = millis.stream().sorted().toList();
        return "n " + sorted.size() + ", min " + sorted.get(0) + ", median " + sorted.get(sorted.size() / 2) + ", max "
                + sorted.get(sorted.size() - 1);
    }
}
