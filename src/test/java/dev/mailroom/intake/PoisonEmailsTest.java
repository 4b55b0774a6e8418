package dev.mailroom.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.mailroom.storage.BlobRef;
import dev.mailroom.storage.BlobStore;
import dev.mailroom.testing.Api;
import dev.mailroom.testing.MailroomTest;
import tools.jackson.databind.JsonNode;

/** Poison messages through the API: listed with their reason, retried once the cause is gone, or discarded. */
@MailroomTest
@Import(IntakeHarness.class)
public class PoisonEmailsTest {

    @Autowired
    IntakeHarness intake;
    @Autowired
    Api api;
    @Autowired
    BlobStore blobs;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aFailedEmailIsListedWithItsReasonAndRetriedOnceItsCauseIsGone() throws Exception {
        Failed failed = failedEmail(intake, blobs, "Printer on fire");
        JsonNode row = rowOf(failed.inboundId());
        assertThat(row.get("message").asString()).isEqualTo("Getting error while creating Request / Conversation");
        assertThat(row.get("reason").asString()).contains("missing from the blob store");

        blobs.put(new ByteArrayInputStream(failed.raw()));
        var retried = api.admin().post("/api/intake/emails/" + failed.inboundId() + "/reprocess", null);
        assertThat(retried.get("status").asString()).isEqualTo("PROCESSED");
        assertThat(api.admin().get("/api/tickets/" + retried.get("ticketDisplayId").asString()).get("subject").asString())
                .isEqualTo("Printer on fire");
        assertThat(api.admin().get("/api/intake/failed?size=200").get("items").findValuesAsString("id"))
                .doesNotContain(String.valueOf(failed.inboundId()));
    }

    @Test
    void aDiscardedEmailLeavesTheListIsAuditedAndCannotBeRetriedOrDiscardedAgain() throws Exception {
        Failed failed = failedEmail(intake, blobs, "Spam that breaks things");
        rowOf(failed.inboundId());

        var discarded = api.admin().post("/api/intake/emails/" + failed.inboundId() + "/discard", null);
        assertThat(discarded.status()).isEqualTo(204);
        assertThat(jdbc.sql("select state from inbound_email where id = :id").param("id", failed.inboundId())
                .query(String.class).single()).isEqualTo("DISCARDED");
        JsonNode entry = api.admin().get("/api/audit?status=DISCARDED&messageId=" + failed.messageId()).get("items").get(0);
        assertThat(entry.get("message").asString()).isEqualTo("Email discarded by admin, it will not be processed again");
        assertThat(entry.get("trace").get(0).get("detail").asString()).startsWith("discarded by admin while FAILED");

        var again = api.admin().post("/api/intake/emails/" + failed.inboundId() + "/discard", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.get("detail").asString()).contains("DISCARDED");
        assertThat(api.admin().post("/api/intake/emails/" + failed.inboundId() + "/reprocess", null).status()).isEqualTo(409);
        assertThat(api.admin().post("/api/intake/emails/999999999/discard", null).status()).isEqualTo(404);
    }

    @Test
    void onlyAdminsSeeThePoisonMessagesAndTheApiDescriptionNamesThem() {
        assertThat(api.technician().get("/api/intake/failed").status()).isEqualTo(403);
        JsonNode paths = api.admin().get("/api-docs").get("paths");
        assertThat(paths.has("/api/intake/failed")).isTrue();
        assertThat(paths.get("/api/intake/emails/{id}/discard").has("post")).isTrue();
    }

    private JsonNode rowOf(long inboundId) {
        for (JsonNode row : api.admin().get("/api/intake/failed?size=200").get("items")) {
            if (row.get("id").asLong() == inboundId) {
                return row;
            }
        }
        throw new AssertionError("email " + inboundId + " is not among the poison messages");
    }

    /** A fetched email whose raw bytes have gone missing: the intake fails it until the bytes are back. */
    public record Failed(long inboundId, String messageId, byte[] raw) {
    }

    public static Failed failedEmail(IntakeHarness intake, BlobStore blobs, String subject) throws Exception {
        String messageId = "poison-" + UUID.randomUUID() + "@customer.test";
        byte[] raw = ("From: Pat <pat-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.test>\r\n"
                + "To: desk@example.com\r\nSubject: " + subject + "\r\nMessage-ID: <" + messageId + ">\r\n\r\nHelp.\r\n")
                .getBytes(StandardCharsets.UTF_8);
        BlobRef blob = blobs.put(new ByteArrayInputStream(raw));
        blobs.delete(blob.key());
        long inboundId = intake.storeAsFetched(blob, "<" + messageId + ">");
        assertThat(intake.outcomeOf(inboundId).get("status").asString()).isEqualTo("PROCESSED_FAILED");
        return new Failed(inboundId, messageId, raw);
    }
}
