package dev.mailroom.console.outgoing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.mailroom.console.AdminPages;
import dev.mailroom.console.ConsoleTest;
import dev.mailroom.outgoing.outbox.NewOutboundEmail;
import dev.mailroom.outgoing.outbox.OutboundKind;
import dev.mailroom.outgoing.outbox.OutboundRecipient;
import dev.mailroom.outgoing.outbox.Outbox;
import dev.mailroom.outgoing.sending.OutboxSender;
import dev.mailroom.testing.Api;
import dev.mailroom.testing.ScriptedSmtpServer;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18: an outgoing server on a port where nothing listens. After one sender run the admin sees it: the server
 * "failing" with the last error (API and list), a SEND DEFERRED entry in the Email Audit with the step, the answer and
 * the next attempt; after the server answers again, SENT and "ready".
 */
@ConsoleTest
class ConsoleOutgoingFailuresTest {

    @Autowired
    Api api;
    @Autowired
    AdminPages pages;
    @Autowired
    Outbox outbox;
    @Autowired
    OutboxSender sender;
    @Autowired
    JdbcClient jdbc;

    private final List<Long> heldBack = new java.util.ArrayList<>();

    /** Other tests' pending notifications (this context is shared) wait until this test's run is over. */
    private void holdBackOthers(String messageId) {
        heldBack.addAll(jdbc.sql("select id from outbox_email where state = 'PENDING' and message_id <> :id")
                .param("id", messageId).query(Long.class).list());
        heldBack.forEach(id -> jdbc.sql("update outbox_email set next_attempt_at = :later where id = :id")
                .param("later", OffsetDateTime.now(ZoneOffset.UTC).plusDays(1)).param("id", id).update());
    }

    @AfterEach
    void releaseOthers() {
        heldBack.forEach(id -> jdbc.sql("update outbox_email set next_attempt_at = :now where id = :id")
                .param("now", OffsetDateTime.now(ZoneOffset.UTC)).param("id", id).update());
    }

    @Test
    void aServerNobodyAnswersIsFailingWithinOneRunAndReadyAgainOnceItSends() throws Exception {
        int port = ScriptedSmtpServer.freePort();
        String name = "Unreachable " + UUID.randomUUID();
        long id = create(name, port);
        String recipient = "requester-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.test";
        String messageId = "<issue18." + UUID.randomUUID() + "@mailroom.local>";
        outbox.enqueue(new NewOutboundEmail(OutboundKind.ACKNOWLEDGMENT, null, null, null, id,
                List.of(OutboundRecipient.to(recipient)), messageId, null, List.of(), "Your request", "Hello", null,
                List.of()));
        holdBackOthers(messageId);

        sender.sendDue();

        JsonNode failing = api.admin().get("/api/outgoing-servers/" + id).body();
        assertThat(failing.get("sendStatus").asString()).isEqualTo("FAILING");
        assertThat(failing.get("ready").asBoolean()).as("its configuration is fine").isTrue();
        assertThat(failing.get("lastSendError").asString()).contains("127.0.0.1:" + port, "connection refused");
        assertThat(failing.hasNonNull("lastSendErrorAt")).isTrue();
        assertThat(failing.hasNonNull("lastSentAt")).isFalse();

        Element row = pages.get("/admin/outgoing-email-servers").selectFirst("#server-" + id);
        assertThat(row.select(".send-status").text()).isEqualTo("failing");
        assertThat(row.select(".last-send-error").text()).startsWith("Last error 20").contains("connection refused")
                .containsPattern("\\(.+\\): Connection to");

        JsonNode deferred = api.admin().get("/api/audit?status=SEND_DEFERRED&recipient=" + recipient).body();
        assertThat(deferred.get("totalItems").asInt()).isEqualTo(1);
        JsonNode entry = deferred.get("items").get(0);
        assertThat(entry.get("statusLabel").asString()).isEqualTo("SEND DEFERRED");
        assertThat(entry.get("message").asString()).startsWith("Not sent yet, tried again at ")
                .contains(" UTC: Connection to smtp://127.0.0.1:" + port, "connection refused");

        Document audit = pages.get("/admin/email-audit?server=OUTGOING-" + id);
        assertThat(audit.select("#results tbody tr .status").eachText()).containsExactly("SEND DEFERRED");
        assertThat(pages.get("/admin/email-audit?status=SEND_DEFERRED&recipient=" + recipient)
                .select("#results tbody tr .status").eachText()).containsExactly("SEND DEFERRED");

        try (ScriptedSmtpServer back = ScriptedSmtpServer.start(port)) {
            jdbc.sql("update outbox_email set next_attempt_at = :now where message_id = :id")
                    .param("now", OffsetDateTime.now(ZoneOffset.UTC)).param("id", messageId).update();
            sender.sendDue();
            assertThat(back.received()).hasSize(1);
        }

        JsonNode ready = api.admin().get("/api/outgoing-servers/" + id).body();
        assertThat(ready.get("sendStatus").asString()).isEqualTo("READY");
        assertThat(ready.hasNonNull("lastSentAt")).isTrue();
        Element readyRow = pages.get("/admin/outgoing-email-servers").selectFirst("#server-" + id);
        assertThat(readyRow.select(".send-status").text()).isEqualTo("ready");
        assertThat(readyRow.select(".last-send-error")).isEmpty();
        JsonNode outgoing = api.admin().get("/api/audit?event=OUTGOING&recipient=" + recipient).body();
        assertThat(outgoing.get("items").valueStream().map(item -> item.get("status").asString()).toList())
                .as("one final status for the recipient, after its deferral").containsExactly("SENT", "SEND_DEFERRED");
    }

    @Test
    void aServerOnOAuthWithoutItsConfigurationIsNotReady() throws Exception {
        Map<String, Object> server = settings("OAuth without configuration " + UUID.randomUUID(), 2525);
        server.put("authentication", "OAUTH2");
        server.put("username", "desk@example.com");
        var created = api.admin().post("/api/outgoing-servers", server);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        long id = created.get("id").asLong();

        JsonNode view = api.admin().get("/api/outgoing-servers/" + id).body();
        assertThat(view.get("ready").asBoolean()).isFalse();
        assertThat(view.get("sendStatus").asString()).isEqualTo("NOT_READY");
        assertThat(view.get("notReadyReason").asString()).contains("OAuth 2.0 is not configured");
        Element row = pages.get("/admin/outgoing-email-servers").selectFirst("#server-" + id);
        assertThat(row.select(".send-status").text()).isEqualTo("cannot send");
        assertThat(row.text()).contains("OAuth 2.0 is not configured");
    }

    private long create(String name, int port) {
        var created = api.admin().post("/api/outgoing-servers", settings(name, port));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.get("id").asLong();
    }

    private static Map<String, Object> settings(String name, int port) {
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("name", name);
        server.put("host", "127.0.0.1");
        server.put("port", port);
        server.put("security", "NONE");
        server.put("authentication", "NONE");
        server.put("fromAddress", "desk@example.com");
        server.put("replyToAddress", "help@example.com");
        server.put("defaultServer", false);
        return server;
    }
}
