package dev.mailroom.outgoing.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.mailroom.audit.AuditEntry;
import dev.mailroom.audit.AuditStatus;
import dev.mailroom.outgoing.OutgoingServer;
import dev.mailroom.outgoing.OutgoingServerRepository;
import dev.mailroom.outgoing.outbox.OutboundKind;
import dev.mailroom.secrets.SecretBox;
import dev.mailroom.testing.Api;
import dev.mailroom.testing.ScriptedSmtpServer;
import dev.mailroom.transport.SmtpAuthentication;
import tools.jackson.databind.JsonNode;

/** The admin's view of the outbox, and "retry" after fixing the server: nothing that failed is lost. */
@SenderTest
class OutboxApiTest {

    @Autowired
    OutboxSender sender;
    @Autowired
    OutboxFixtures fixtures;
    @Autowired
    OutgoingServerRepository servers;
    @Autowired
    SecretBox secrets;
    @Autowired
    Api api;

    private final ScriptedSmtpServer smtp = ScriptedSmtpServer.start().requireAuth("desk", "new-password");

    @AfterEach
    void stop() {
        smtp.close();
    }

    @Test
    void failedForTheWrongPasswordThenRetriedAfterTheAdminFixedItIsSent() {
        OutgoingServerSpec spec = new OutgoingServerSpec(smtp.port());
        spec.authentication = SmtpAuthentication.PASSWORD;
        spec.username = "desk";
        OutgoingServer server = fixtures.server(spec, "old-password");
        var ticket = api.admin().post("/api/tickets", Map.of("subject", "VPN down", "requesterEmail", "ann@example.com",
                "description", "Since this morning"));
        String messageId = fixtures.enqueue(OutboundKind.TECHNICIAN_REPLY, server.id(), ticket.get("id").asLong(),
                "Re: VPN down", "ann@example.com");
        long id = fixtures.idOf(messageId);
        String otherTicketless = fixtures.enqueue(server, "bob@example.com");
        sender.sendDue();

        Api.Response failed = api.admin().get("/api/outbox/" + id);
        assertThat(failed.status()).isEqualTo(200);
        assertThat(failed.get("state").asString()).isEqualTo("DONE");
        assertThat(failed.get("attempts").asInt()).isEqualTo(1);
        JsonNode recipient = failed.get("recipients").get(0);
        assertThat(recipient.get("state").asString()).isEqualTo("FAILED");
        assertThat(recipient.get("detail").asString()).contains("Authentication failed", "535");
        assertThat(failed.body().toString()).doesNotContain("old-password");

        Api.Response listed = api.admin().get("/api/outbox?state=done&ticket=" + ticket.get("displayId").asString());
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.get("items").findValuesAsString("messageId")).contains(messageId).doesNotContain(otherTicketless);
        listed.get("items").forEach(item -> assertThat(item.get("state").asString()).isEqualTo("DONE"));

        servers.update(server.id(), spec.settings(), secrets.encrypt("new-password"));
        Api.Response retried = api.admin().post("/api/outbox/" + id + "/retry", null);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.get("state").asString()).isEqualTo("PENDING");
        assertThat(retried.get("recipients").get(0).get("state").asString()).isEqualTo("PENDING");
        assertThat(retried.get("nextAttemptAt")).isNotNull();

        sender.sendDue();

        assertThat(api.admin().get("/api/outbox/" + id).get("recipients").get(0).get("state").asString()).isEqualTo("SENT");
        assertThat(fixtures.finalAuditOf(messageId)).extracting(AuditEntry::status)
                .containsExactlyInAnyOrder(AuditStatus.SEND_FAILED, AuditStatus.SENT);
        assertThat(smtp.received()).hasSize(1);
        assertThat(api.admin().post("/api/outbox/" + id + "/retry", null).status())
                .as("nothing failed any more").isEqualTo(409);
    }

    @Test
    void onlyAdminsSeeTheOutbox() {
        assertThat(api.technician().get("/api/outbox").status()).isEqualTo(403);
        assertThat(api.anonymous().get("/api/outbox").status()).isEqualTo(401);
        assertThat(api.admin().get("/api/outbox/999999").status()).isEqualTo(404);
        assertThat(api.admin().get("/api/outbox?state=LOST").status()).isEqualTo(400);
    }
}
