package dev.mailroom.incoming.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;

import dev.mailroom.storage.BlobStore;
import dev.mailroom.testing.Api;
import dev.mailroom.testing.MailroomTest;

/**
 * End to end through the scheduler: 1,000 delivered messages give exactly 1,000 stored emails and RECEIVED entries,
 * and each after-processing action is applied to every one of them, for IMAP and POP3.
 */
@MailroomTest
@TestPropertySource(properties = {"mailroom.incoming.polling-enabled=true", "mailroom.incoming.idle-enabled=false"})
@DirtiesContext
class FetchAndAcknowledgeTest {

    static final int MESSAGES = 1000;

    @RegisterExtension
    static final GreenMailExtension greenMail = GreenMailboxes.server();

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BlobStore blobs;

    @AfterEach
    void removeServers() {
        api.admin().get("/api/incoming-servers").body()
                .forEach(server -> api.admin().delete("/api/incoming-servers/" + server.get("id").asLong()));
    }

    @Test
    void imapMarkSeen() throws Exception {
        GreenMailUser user = GreenMailboxes.newMailbox(greenMail);
        long serverId = fetchAll(user, GreenMailboxes.serverFor(greenMail, user, "IMAP", false));

        assertThat(GreenMailboxes.count(greenMail, user, "INBOX")).isEqualTo(MESSAGES);
        assertThat(GreenMailboxes.seen(greenMail, user)).isEqualTo(MESSAGES);
        assertNothingFetchedTwice(user, serverId);
    }

    @Test
    void imapsMoveToFolder() throws Exception {
        GreenMailUser user = GreenMailboxes.newMailbox(greenMail);
        GreenMailboxes.createFolder(greenMail, user, "Processed");
        var server = GreenMailboxes.serverFor(greenMail, user, "IMAP", true);
        server.put("afterProcessing", "MOVE");
        server.put("moveToFolder", "Processed");

        long serverId = fetchAll(user, server);

        assertThat(GreenMailboxes.count(greenMail, user, "INBOX")).isZero();
        assertThat(GreenMailboxes.count(greenMail, user, "Processed")).isEqualTo(MESSAGES);
        assertNothingFetchedTwice(user, serverId);
    }

    @Test
    void imapDelete() throws Exception {
        GreenMailUser user = GreenMailboxes.newMailbox(greenMail);
        var server = GreenMailboxes.serverFor(greenMail, user, "IMAP", false);
        server.put("afterProcessing", "DELETE");

        long serverId = fetchAll(user, server);

        assertThat(GreenMailboxes.count(greenMail, user, "INBOX")).isZero();
        assertNothingFetchedTwice(user, serverId);
    }

    @Test
    void pop3Delete() throws Exception {
        GreenMailUser user = GreenMailboxes.newMailbox(greenMail);
        long serverId = fetchAll(user, GreenMailboxes.serverFor(greenMail, user, "POP3", false));

        assertThat(GreenMailboxes.count(greenMail, user, "INBOX")).isZero();
        assertNothingFetchedTwice(user, serverId);
    }

    @Test
    void pop3sKeepOnServerNeverImportsTwice() throws Exception {
        GreenMailUser user = GreenMailboxes.newMailbox(greenMail);
        var server = GreenMailboxes.serverFor(greenMail, user, "POP3", true);
        server.put("afterProcessing", "KEEP");
        server.put("pollIntervalSeconds", 10);

        long serverId = fetchAll(user, server);
        GreenMailboxes.deliver(user, 5, "Later");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> inbound().rows(serverId) == MESSAGES + 5);
        // Saving the server polls it at once: everything is still on the server, nothing new may be imported.
        api.admin().put("/api/incoming-servers/" + serverId, server);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> lastPollAfterSave(serverId));

        assertThat(GreenMailboxes.count(greenMail, user, "INBOX")).isEqualTo(MESSAGES + 5);
        assertThat(inbound().rows(serverId)).isEqualTo(MESSAGES + 5);
        assertThat(inbound().audited(serverId, "RECEIVED")).isEqualTo(MESSAGES + 5);
    }

    private long fetchAll(GreenMailUser user, Map<String, Object> server) throws Exception {
        List<String> messageIds = GreenMailboxes.deliver(user, MESSAGES, "Request");
        var created = api.admin().post("/api/incoming-servers", server);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        long serverId = created.get("id").asLong();

        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> inbound().rows(serverId) >= MESSAGES && inbound().pendingActions(serverId) == 0);

        assertThat(inbound().rows(serverId)).isEqualTo(MESSAGES);
        assertThat(inbound().audited(serverId, "RECEIVED")).isEqualTo(MESSAGES);
        List<String> storedIds = jdbc.sql("select message_id from inbound_email where server_id = :id and message_id_generated = false")
                .param("id", serverId).query(String.class).list();
        assertThat(new HashSet<>(storedIds)).isEqualTo(new HashSet<>(messageIds));
        return serverId;
    }

    private void assertNothingFetchedTwice(GreenMailUser user, long serverId) {
        assertThat(inbound().distinctRemoteKeys(serverId)).isEqualTo(MESSAGES);
        assertThat(inbound().distinctMessageIds(serverId)).isEqualTo(MESSAGES);
        List<String> keys = inbound().rawKeys(serverId);
        assertThat(new HashSet<>(keys)).hasSize(MESSAGES);
        assertThat(keys).allMatch(blobs::exists);
        var status = api.admin().get("/api/incoming-servers/" + serverId + "/status");
        assertThat(status.get("fetchedToday").asInt()).isEqualTo(MESSAGES);
        assertThat(status.get("consecutiveFailures").asInt()).isZero();
        assertThat(status.get("backlog").asInt()).isZero();
        assertThat(status.get("lastSuccessAt").isNull()).isFalse();
    }

    private boolean lastPollAfterSave(long serverId) {
        var status = api.admin().get("/api/incoming-servers/" + serverId + "/status");
        return status.get("lastSuccessAt") != null
                && java.time.Instant.parse(status.get("lastSuccessAt").asString()).isAfter(java.time.Instant.now().minusSeconds(3));
    }

    private Inbound inbound() {
        return new Inbound(jdbc);
    }
}
