package dev.mailroom.incoming.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;

import dev.mailroom.testing.Api;
import dev.mailroom.testing.FaultTest;
import dev.mailroom.testing.MailroomTest;

/**
 * Polls driven one at a time, with failures injected where they hurt most: nothing may be lost, nothing stored twice,
 * and the audit must say what happened without flooding.
 */
@FaultTest
@MailroomTest
@ExtendWith(OutputCaptureExtension.class)
@Import(FetchFaultsTest.Hooks.class)
class FetchFaultsTest {

    @TestConfiguration
    static class Hooks {
        @Bean
        CrashingHooks crashingHooks() {
            return new CrashingHooks();
        }
    }

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
    CrashingHooks crash;

    @Test
    void crashAfterFetchBeforeCommitFetchesAgainAndLosesNothing() throws Exception {
        GreenMailUser user = GreenMailboxes.newMailbox(greenMail);
        GreenMailboxes.deliver(user, 10, "Crash before commit");
        long serverId = create(GreenMailboxes.serverFor(greenMail, user, "IMAP", false));

        crash.crashAt(CrashingHooks.Point.BEFORE_COMMIT);
        assertThat(poll(serverId).failed()).isTrue();

        assertThat(inbound().rows(serverId)).isZero();
        assertThat(GreenMailboxes.seen(greenMail, user)).isZero();

        assertThat(poll(serverId).stored()).isEqualTo(10);
        assertThat(inbound().rows(serverId)).isEqualTo(10);
        assertThat(inbound().distinctMessageIds(serverId)).isEqualTo(10);
        assertThat(inbound().audited(serverId, "RECEIVED")).isEqualTo(10);
        assertThat(GreenMailboxes.seen(greenMail, user)).isEqualTo(10);
        assertThat(inbound().audited(serverId, "FETCH_FAILED")).isEqualTo(1);
        assertThat(inbound().audited(serverId, "FETCH_RECOVERED")).isEqualTo(1);
    }

    @Test
    void crashAfterCommitBeforeServerActionNeverStoresTwiceImap() throws Exception {
        GreenMailUser user = GreenMailboxes.newMailbox(greenMail);
        GreenMailboxes.deliver(user, 10, "Crash after commit");
        long serverId = create(GreenMailboxes.serverFor(greenMail, user, "IMAP", false));

        crash.crashAt(CrashingHooks.Point.BEFORE_ACKNOWLEDGE);
        assertThat(poll(serverId).failed()).isTrue();

        assertThat(inbound().rows(serverId)).isEqualTo(10);
        assertThat(inbound().pendingActions(serverId)).isEqualTo(10);
        assertThat(GreenMailboxes.seen(greenMail, user)).isZero();

        assertThat(poll(serverId).stored()).isZero();
        assertThat(inbound().rows(serverId)).isEqualTo(10);
        assertThat(inbound().pendingActions(serverId)).isZero();
        assertThat(GreenMailboxes.seen(greenMail, user)).isEqualTo(10);
        assertThat(inbound().audited(serverId, "RECEIVED")).isEqualTo(10);
    }

    @Test
    void crashAfterCommitBeforeServerActionNeverStoresTwicePop3() throws Exception {
        GreenMailUser user = GreenMailboxes.newMailbox(greenMail);
        GreenMailboxes.deliver(user, 10, "Crash after commit");
        long serverId = create(GreenMailboxes.serverFor(greenMail, user, "POP3", false));

        crash.crashAt(CrashingHooks.Point.BEFORE_ACKNOWLEDGE);
        assertThat(poll(serverId).failed()).isTrue();
        assertThat(inbound().rows(serverId)).isEqualTo(10);
        assertThat(GreenMailboxes.count(greenMail, user, "INBOX")).isEqualTo(10);

        assertThat(poll(serverId).stored()).isZero();
        assertThat(inbound().rows(serverId)).isEqualTo(10);
        assertThat(inbound().pendingActions(serverId)).isZero();
        assertThat(GreenMailboxes.count(greenMail, user, "INBOX")).isZero();
    }

    @Test
    void messageAlreadyReadBySomeoneElseIsStillFetched() throws Exception {
        GreenMailUser user = GreenMailboxes.newMailbox(greenMail);
        GreenMailboxes.deliver(user, 5, "Read in Outlook first");
        GreenMailboxes.markAllSeen(greenMail, user);
        long serverId = create(GreenMailboxes.serverFor(greenMail, user, "IMAP", false));

        assertThat(poll(serverId).stored()).isEqualTo(5);
        assertThat(inbound().audited(serverId, "RECEIVED")).isEqualTo(5);
    }

    @Test
    void oversizedMessageIsRecordedWithItsSizeAndLeftOnTheServer() throws Exception {
        GreenMailUser user = GreenMailboxes.newMailbox(greenMail);
        GreenMailboxes.deliver(user, 1, "Small");
        GreenMailboxes.deliverLarge(user, 300 * 1024, "Huge scan");
        var server = GreenMailboxes.serverFor(greenMail, user, "IMAP", false);
        server.put("maxMessageSizeBytes", 100 * 1024);
        long serverId = create(server);

        assertThat(poll(serverId).stored()).isEqualTo(2);

        assertThat(inbound().audited(serverId, "RECEIVED")).isEqualTo(1);
        var failed = api.admin().get("/api/audit?status=FETCH_FAILED&serverId=" + serverId).get("items").get(0);
        assertThat(failed.get("message").asString()).matches("Email of 3\\d\\d KB exceeds this server's limit of 100 KB; "
                + "it was left on the server unprocessed \\(headers kept\\)");
        assertThat(failed.get("subject").asString()).isEqualTo("Huge scan");
        assertThat(jdbc.sql("select state from inbound_email where server_id = :id and subject = 'Huge scan'")
                .param("id", serverId).query(String.class).single()).isEqualTo("OVERSIZED");
        assertThat(GreenMailboxes.count(greenMail, user, "INBOX")).isEqualTo(2);
        assertThat(GreenMailboxes.seen(greenMail, user)).isEqualTo(1);
        assertThat(poll(serverId).stored()).isZero();
    }

    @Test
    void serverGoneMidFetchIsAuditedOnceRecoversAndOthersKeepFetching(CapturedOutput output) throws Exception {
        GreenMailUser flaky = GreenMailboxes.newMailbox(greenMail);
        GreenMailUser steady = GreenMailboxes.newMailbox(greenMail);
        long flakyId;
        try (CuttableProxy proxy = new CuttableProxy(greenMail.getImap().getServerSetup().getPort())) {
            var flakyServer = GreenMailboxes.serverFor(greenMail, flaky, "IMAP", false);
            flakyServer.put("port", proxy.port());
            flakyId = create(flakyServer);
            long steadyId = create(GreenMailboxes.serverFor(greenMail, steady, "IMAP", false));
            GreenMailboxes.deliver(flaky, 20, "Flaky");

            // The connection drops after the batch is committed, before the messages are marked seen.
            crash.beforeAcknowledgeRun(() -> cut(proxy));
            assertThat(poll(flakyId).failed()).isTrue();
            assertThat(poll(flakyId).failed()).isTrue();
            assertThat(poll(flakyId).consecutiveFailures()).isEqualTo(3);

            GreenMailboxes.deliver(steady, 3, "Steady");
            assertThat(poll(steadyId).stored()).isEqualTo(3);

            proxy.restore();
            PollResult recovered = poll(flakyId);
            assertThat(recovered.failed()).isFalse();
        }
        var failures = api.admin().get("/api/audit?status=FETCH_FAILED&serverId=" + flakyId).get("items");
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).get("repeatCount").asInt()).isEqualTo(3);
        assertThat(failures.get(0).get("message").asString()).contains("closed the connection");
        assertThat(failures.get(0).get("trace").findValuesAsString("detail"))
                .anyMatch(detail -> detail.contains("Connection refused"));
        assertThat(inbound().audited(flakyId, "FETCH_RECOVERED")).isEqualTo(1);
        assertThat(inbound().rows(flakyId)).isEqualTo(20);
        assertThat(inbound().distinctMessageIds(flakyId)).isEqualTo(20);
        assertThat(inbound().pendingActions(flakyId)).isZero();
        assertThat(GreenMailboxes.seen(greenMail, flaky)).isEqualTo(20);
        assertThat(output.getAll()).doesNotContain(GreenMailboxes.PASSWORD);
    }

    @Test
    void wrongPasswordIsAuditedAtLoginWithoutThePassword(CapturedOutput output) throws Exception {
        GreenMailUser user = GreenMailboxes.newMailbox(greenMail);
        var server = GreenMailboxes.serverFor(greenMail, user, "IMAP", false);
        server.put("password", "Not-The-Right-One-42");
        long serverId = create(server);

        assertThat(poll(serverId).failed()).isTrue();

        var entry = api.admin().get("/api/audit?status=FETCH_FAILED&serverId=" + serverId).get("items").get(0);
        assertThat(entry.get("message").asString()).startsWith("Login failed").contains("App Password");
        assertThat(entry.toString()).doesNotContain("Not-The-Right-One-42");
        assertThat(output.getAll()).doesNotContain("Not-The-Right-One-42");
        var status = api.admin().get("/api/incoming-servers/" + serverId + "/status");
        assertThat(status.get("consecutiveFailures").asInt()).isEqualTo(1);
        assertThat(status.get("lastError").asString()).startsWith("Login failed");
    }

    private static void cut(CuttableProxy proxy) {
        try {
            proxy.cut();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long create(Map<String, Object> server) {
        var created = api.admin().post("/api/incoming-servers", server);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.get("id").asLong();
    }

    private PollResult poll(long serverId) {
        return poller.poll(directory.findEnabled(serverId).orElseThrow());
    }

    private Inbound inbound() {
        return new Inbound(jdbc);
    }
}
