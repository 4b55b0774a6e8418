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
        var polled = poller.poll(directory.findEnabled(desk.serverId()).orElseThrow());
        assertThat(polled.failed()).as("the poll of the desk mailbox failed").isFalse();
        long inboundId = jdbc.sql("select max(id) from inbound_email where server_id = :id").param("id", desk.serverId())
                .query(Long.class).single();
        return outcomeOf(inboundId);
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
