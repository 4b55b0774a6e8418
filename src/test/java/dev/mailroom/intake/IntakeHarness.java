package dev.mailroom.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.awaitility.Awaitility;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;

import dev.mailroom.incoming.fetch.MailboxDirectory;
import dev.mailroom.incoming.fetch.MailboxPoller;
import dev.mailroom.platform.SqlTime;
import dev.mailroom.storage.BlobRef;
import dev.mailroom.testing.Api;
import tools.jackson.databind.JsonNode;

/**
 * End to end for the intake: a raw email delivered into a GreenMail mailbox, fetched by the real poller, judged by the
 * real intake worker; the test reads the email's final audit entry and what it changed.
 */
@TestComponent
public class IntakeHarness {

    public static final String PASSWORD = "Intake-Mailbox-Pw-1";

    private final Api api;
    private final JdbcClient jdbc;
    private final MailboxPoller poller;
    private final MailboxDirectory directory;

    IntakeHarness(Api api, JdbcClient jdbc, MailboxPoller poller, MailboxDirectory directory) {
        this.api = api;
        this.jdbc = jdbc;
        this.poller = poller;
        this.directory = directory;
    }

    /** A desk mailbox on GreenMail and an IMAP incoming server reading it; {@code changes} adjust the server. */
    public Desk desk(GreenMailExtension greenMail, Object... changes) {
        String address = "desk-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        GreenMailUser user = greenMail.setUser(address, address, PASSWORD);
        Map<String, Object> server = new java.util.LinkedHashMap<>();
        server.put("name", "Desk " + address);
        server.put("mailboxAddresses", List.of(address));
        server.put("protocol", "IMAP");
        server.put("host", "127.0.0.1");
        server.put("port", greenMail.getImap().getServerSetup().getPort());
        server.put("security", "NONE");
        server.put("username", address);
        server.put("password", PASSWORD);
        for (int i = 0; i < changes.length; i += 2) {
            server.put((String) changes[i], changes[i + 1]);
        }
        var created = api.admin().post("/api/incoming-servers", server);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return new Desk(address, user, created.get("id").asLong());
    }

    public record Desk(String address, GreenMailUser user, long serverId) {
    }

    /**
     * Delivers a raw message (headers and body, LF or CRLF line ends; {@code %DESK%} stands for the desk address),
     * fetches the mailbox and waits for the intake's verdict on that message. Returns the final audit entry.
     */
    public JsonNode receive(Desk desk, String rawMessage) throws Exception {
        String raw = rawMessage.replace("%DESK%", desk.address()).replace("\r\n", "\n").replace("\n", "\r\n");
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                new java.io.ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
        desk.user().deliver(message);
        return receiveDelivered(desk);
    }

    /** Fetches what was delivered to the desk mailbox and waits for the intake's verdict on the newest email. */
    public JsonNode receiveDelivered(Desk desk) {
        var polled = poller.poll(directory.findEnabled(desk.serverId()).orElseThrow());
        assertThat(polled.failed()).as("the poll of the desk mailbox failed").isFalse();
        long inboundId = jdbc.sql("select max(id) from inbound_email where server_id = :id").param("id", desk.serverId())
                .query(Long.class).single();
        return outcomeOf(inboundId);
    }

    /**
     * Stores a raw email as the fetcher does after a fetch (a RECEIVED row of a mailbox whose polling is off),
     * for mail a test mail server cannot carry; returns the inbound email's id for {@link #outcomeOf}.
     */
    public long storeAsFetched(BlobRef raw, String messageId) {
        long serverId = api.admin().post("/api/incoming-servers", Map.of("name", "Stored " + UUID.randomUUID(),
                "mailboxAddresses", List.of("desk-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com"),
                "protocol", "IMAP", "host", "127.0.0.1", "port", 143, "security", "NONE", "username", "desk",
                "password", PASSWORD, "enabled", false)).get("id").asLong();
        return storeAsFetched(serverId, raw, "stored:" + raw.key(), messageId);
    }

    /** The same, for a given mailbox and its remote key (unique per mailbox). */
    public long storeAsFetched(long serverId, BlobRef raw, String remoteKey, String messageId) {
        jdbc.sql("""
                insert into inbound_email (server_id, remote_key, state, action_pending, message_id, message_id_generated,
                    size_bytes, raw_blob_key, received_at)
                values (:serverId, :remoteKey, 'RECEIVED', false, :messageId, false, :size, :raw, :now)""")
                .param("serverId", serverId).param("remoteKey", remoteKey).param("messageId", messageId)
                .param("size", raw.size()).param("raw", raw.key()).param("now", SqlTime.toSql(SqlTime.now()))
                .update();
        return jdbc.sql("select id from inbound_email where server_id = :id and remote_key = :key")
                .param("id", serverId).param("key", remoteKey).query(Long.class).single();
    }

    /** The final audit entry of an inbound email, once the intake worker has judged it. */
    public JsonNode outcomeOf(long inboundId) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() ->
                jdbc.sql("select count(*) from inbound_email where id = :id and state <> 'RECEIVED'").param("id", inboundId)
                        .query(Long.class).single() == 1);
        long auditId = jdbc.sql("select max(id) from audit_entry where inbound_email_id = :id and status <> 'RECEIVED'")
                .param("id", inboundId).query(Long.class).single();
        return api.admin().get("/api/audit/" + auditId).body();
    }

    /** The trace step a stage left, by stage name. */
    public static JsonNode step(JsonNode entry, String stage) {
        for (JsonNode step : entry.get("trace")) {
            if (stage.equals(step.get("stage").asString())) {
                return step;
            }
        }
        throw new AssertionError("no trace step '" + stage + "' in " + entry.get("trace"));
    }

    public long tickets() {
        return jdbc.sql("select count(*) from ticket").query(Long.class).single();
    }

    public void preference(boolean guestTicketCreation, boolean useReplyTo, boolean emailToRequest) {
        var response = api.admin().put("/api/email-preference", Map.of("guestTicketCreation", guestTicketCreation,
                "useReplyToAddress", useReplyTo, "emailToRequest", emailToRequest));
        assertThat(response.status()).isEqualTo(200);
    }
}
