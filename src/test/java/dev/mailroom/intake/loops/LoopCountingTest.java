package dev.mailroom.intake.loops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import dev.mailroom.audit.AuditMessages;
import dev.mailroom.audit.AuditStatus;
import dev.mailroom.incoming.IncomingServerRepository;
import dev.mailroom.intake.IntakeContext;
import dev.mailroom.intake.StageResult;
import dev.mailroom.intake.parse.EmailParser;
import dev.mailroom.intake.preference.EmailPreferenceRepository;
import dev.mailroom.platform.SqlTime;
import dev.mailroom.spool.InboundEmail;
import dev.mailroom.spool.InboundEmailRepository;
import dev.mailroom.testing.Api;
import dev.mailroom.testing.MailroomTest;

/**
 * The sender count on a real database: stored emails placed at chosen arrival times, judged by the loop breaker stage
 * with a limit of 3 in 10 minutes.
 */
@MailroomTest
@TestPropertySource(properties = {"mailroom.intake.loop.max-emails=3", "mailroom.intake.loop.window=10m"})
class LoopCountingTest {

    @Autowired
    LoopBreakerStage stage;
    @Autowired
    Quarantines quarantines;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Api api;
    @Autowired
    InboundEmailRepository inbound;
    @Autowired
    IncomingServerRepository servers;
    @Autowired
    EmailPreferenceRepository preferences;
    @Autowired
    EmailParser parser;

    long serverId;
    String sender;
    Instant now;

    @BeforeEach
    void mailbox() {
        serverId = newServer();
        sender = "robot-" + UUID.randomUUID().toString().substring(0, 8) + "@loop.test";
        now = SqlTime.now();
    }

    @Test
    void exactlyAtTheLimitPassesAndOneOverQuarantines() throws Exception {
        arrive(sender, minutesAgo(9));
        arrive(sender, minutesAgo(5));
        StageResult third = judge(arrive(sender, minutesAgo(1)));

        assertThat(third.passes()).as(third.detail()).isTrue();
        assertThat(third.detail()).startsWith("3 emails from " + sender).contains("at most 3 allowed");
        assertThat(quarantines.active()).noneMatch(q -> sender.equals(q.sender()));

        InboundEmail fourth = arrive(sender, now);
        StageResult crossing = judge(fourth);

        assertThat(crossing.status()).isEqualTo(AuditStatus.RECEIVED_IGNORED);
        assertThat(crossing.message()).isEqualTo(AuditMessages.SENDER_QUARANTINED);
        assertThat(crossing.detail()).contains("4 emails from " + sender, "within 10 minutes", "over the limit of 3",
                "quarantined since");
        Quarantine quarantine = activeFor(sender);
        assertThat(quarantine.kind()).isEqualTo(QuarantineKind.SENDER);
        assertThat(quarantine.serverId()).isEqualTo(serverId);
        assertThat(quarantine.emailCount()).isEqualTo(4);
        assertThat(quarantine.maxEmails()).isEqualTo(3);
        assertThat(quarantine.windowSeconds()).isEqualTo(600);
        assertThat(quarantine.inboundEmailId()).isEqualTo(fourth.id());

        StageResult later = judge(arrive(sender, now.plusSeconds(1)));
        assertThat(later.message()).isEqualTo(AuditMessages.SENDER_QUARANTINED);
        assertThat(later.detail()).contains("is quarantined since " + quarantine.since(), "quarantine #" + quarantine.id(),
                "4 emails within 10 minutes, limit 3");
        assertThat(quarantineEntries(sender)).as("one audit entry per quarantine, not per email").isEqualTo(1);
    }

    @Test
    void mailOlderThanTheWindowDoesNotCount() throws Exception {
        arrive(sender, minutesAgo(30));
        arrive(sender, minutesAgo(20));
        arrive(sender, minutesAgo(11));
        arrive(sender, minutesAgo(8));
        arrive(sender, minutesAgo(4));

        StageResult third = judge(arrive(sender, now));

        assertThat(third.passes()).as(third.detail()).isTrue();
        assertThat(third.detail()).startsWith("3 emails");
    }

    @Test
    void addressesAreComparedWithoutCaseAndCountedPerSenderAndServer() throws Exception {
        long otherServer = newServer();
        arrive(sender.toUpperCase(), minutesAgo(3));
        arrive("someone-else@loop.test", minutesAgo(3));
        arrive(otherServer, sender, minutesAgo(3));
        arrive(otherServer, sender, minutesAgo(2));

        StageResult judged = judge(arrive(sender, now));

        assertThat(judged.passes()).as(judged.detail()).isTrue();
        assertThat(judged.detail()).startsWith("2 emails from " + sender);
    }

    @Test
    void releaseLetsMailFlowAndCountingRestartsAtTheRelease() throws Exception {
        for (int minutesAgo = 4; minutesAgo >= 1; minutesAgo--) {
            judge(arrive(sender, minutesAgo(minutesAgo)));
        }
        Quarantine quarantine = activeFor(sender);
        InboundEmail ignoredMeanwhile = arrive(sender, now);
        assertThat(judge(ignoredMeanwhile).passes()).isFalse();

        Quarantine released = quarantines.release(quarantine.id(), "admin");

        assertThat(released.active()).isFalse();
        assertThat(released.releasedBy()).isEqualTo("admin");
        assertThat(quarantines.active()).noneMatch(q -> q.id() == quarantine.id());
        InboundEmail afterRelease = arrive(sender, SqlTime.now().plusMillis(5));
        StageResult next = judge(afterRelease);
        assertThat(next.passes()).as(next.detail()).isTrue();
        assertThat(next.detail()).startsWith("1 email").contains("since its release at " + released.releasedAt());
        StageResult reprocessed = judge(inbound.findById(ignoredMeanwhile.id()).orElseThrow());
        assertThat(reprocessed.passes()).as("mail from before the release no longer counts: " + reprocessed.detail()).isTrue();
    }

    @Test
    void aDryRunSaysItWouldQuarantineButDoesNot() throws Exception {
        for (int minutesAgo = 4; minutesAgo >= 1; minutesAgo--) {
            arrive(sender, minutesAgo(minutesAgo));
        }
        var uploaded = new InboundEmail(0, serverId, dev.mailroom.spool.InboundState.RECEIVED, null, false, null,
                null, null, null, now);

        StageResult result = stage.judge(context(uploaded, true));

        assertThat(result.message()).isEqualTo(AuditMessages.SENDER_QUARANTINED);
        assertThat(result.detail()).contains("5 emails", "would quarantine sender " + sender);
        assertThat(quarantines.active()).noneMatch(q -> sender.equals(q.sender()));
    }

    private StageResult judge(InboundEmail email) throws Exception {
        return stage.judge(context(email, false));
    }

    private IntakeContext context(InboundEmail email, boolean dryRun) throws Exception {
        String raw = "From: " + sender + "\r\nTo: desk@example.com\r\nSubject: Auto reply\r\nMessage-ID: <"
                + UUID.randomUUID() + "@loop.test>\r\n\r\nI am a robot.\r\n";
        var parsed = parser.parse(new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
        return new IntakeContext(email, parsed, servers.findById(serverId).orElseThrow(), preferences.current(), dryRun);
    }

    private InboundEmail arrive(String from, Instant receivedAt) {
        return arrive(serverId, from, receivedAt);
    }

    /** An email stored as already judged, so the intake worker leaves it to the test. */
    private InboundEmail arrive(long server, String from, Instant receivedAt) {
        String remoteKey = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into inbound_email (server_id, remote_key, state, action_pending, message_id, message_id_generated,
                    sender, sender_key, size_bytes, received_at)
                values (:serverId, :remoteKey, 'PROCESSED', false, :messageId, false, :sender, :senderKey, 100, :receivedAt)""")
                .param("serverId", server).param("remoteKey", remoteKey).param("messageId", "<" + remoteKey + "@loop.test>")
                .param("sender", from).param("senderKey", InboundEmailRepository.senderKey(from))
                .param("receivedAt", SqlTime.toSql(receivedAt))
                .update();
        long id = jdbc.sql("select id from inbound_email where remote_key = :key").param("key", remoteKey)
                .query(Long.class).single();
        return inbound.findById(id).orElseThrow();
    }

    private Instant minutesAgo(int minutes) {
        return now.minus(Duration.ofMinutes(minutes));
    }

    private Quarantine activeFor(String address) {
        return quarantines.active().stream().filter(q -> address.equals(q.sender())).findFirst()
                .orElseThrow(() -> new AssertionError("no active quarantine of " + address));
    }

    private long quarantineEntries(String address) {
        return jdbc.sql("select count(*) from audit_entry where status = 'LOOP_QUARANTINED' and sender = :sender")
                .param("sender", address).query(Long.class).single();
    }

    private long newServer() {
        // Disabled: nothing polls a mailbox that does not exist.
        return api.admin().post("/api/incoming-servers", Map.of("name", "Loop " + UUID.randomUUID(),
                "mailboxAddresses", List.of("desk-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com"),
                "protocol", "IMAP", "host", "127.0.0.1", "port", 143, "security", "NONE", "username", "desk",
                "password", "Loop-Mailbox-Pw-1", "enabled", false)).get("id").asLong();
    }
}
