package dev.mailroom.intake.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.mailroom.intake.IntakeHarness;
import dev.mailroom.storage.BlobStore;
import dev.mailroom.testing.Api;
import dev.mailroom.testing.MailroomTest;
import tools.jackson.databind.JsonNode;

/**
 * Email attachments above the inline limit (64 KB here) arrive PENDING with the ticket and are stored by the
 * attachment worker moments later; when that cannot be done, the file is FAILED with an ATTACHMENT_PROCESSED_FAILED
 * audit entry that names it and says why, and the ticket stays as it is. Mail goes through GreenMail, the fetcher and
 * the intake worker, as in production.
 */
@MailroomTest
@Import(IntakeHarness.class)
@TestPropertySource(properties = {
        "mailroom.intake.attachments.inline-limit=64KB",
        "mailroom.intake.attachments.max-size=1MB",
        "mailroom.intake.attachments.max-attempts=2",
        "mailroom.intake.attachments.retry-delay=500ms"})
class LargeAttachmentQueueTest {

    private static final long MAX_SIZE = 1024 * 1024;

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            ServerSetup.createCopy(ServerSetupTest.ALL, setup -> setup.createCopy("127.0.0.1").dynamicPort()));

    @Autowired
    IntakeHarness intake;
    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;
    @MockitoSpyBean
    BlobStore blobs;
    @MockitoSpyBean
    PendingAttachmentStorer storer;

    /** Holds the attachment worker before its next attempt until released, so a test can look at PENDING first. */
    private final CountDownLatch worker = new CountDownLatch(1);

    @AfterEach
    void releaseWorker() {
        worker.countDown();
    }

    @Test
    void theSmallFileArrivesWithTheTicketAndTheLargeOneMomentsLater() throws Exception {
        holdWorker();
        byte[] small = randomBytes(2_000);
        byte[] large = randomBytes(300 * 1024);

        JsonNode entry = receive("Logs from the crash", file("notes.txt", small), file("crash-dump.bin", large));

        assertThat(entry.get("status").asString()).as(entry.toString()).isEqualTo("PROCESSED");
        assertThat(IntakeHarness.step(entry, "create-ticket").get("detail").asString())
                .contains("with 2 attachments (1 large, stored moments later)");
        String ticket = entry.get("ticketDisplayId").asString();
        JsonNode atOnce = attachments(ticket);
        assertThat(atOnce.get(0).get("fileName").asString()).isEqualTo("notes.txt");
        assertThat(atOnce.get(0).get("state").asString()).isEqualTo("STORED");
        assertThat(atOnce.get(1).get("fileName").asString()).isEqualTo("crash-dump.bin");
        assertThat(atOnce.get(1).get("state").asString()).isEqualTo("PENDING");
        assertThat(atOnce.get(1).get("size").asLong()).isEqualTo(large.length);
        assertThat(download(ticket, atOnce.get(1)).status()).as("not downloadable before it is stored").isEqualTo(404);

        worker.countDown();
        JsonNode stored = awaitState(ticket, 1, "STORED");

        assertThat(stored.get("size").asLong()).isEqualTo(large.length);
        assertThat(stored.has("error")).isFalse();
        assertThat(api.admin().getDigest(downloadPath(ticket, stored))).isEqualTo(sha256(large));
        assertThat(api.admin().getDigest(downloadPath(ticket, attachments(ticket).get(0)))).isEqualTo(sha256(small));
        assertThat(attachmentFailures(ticket)).isZero();
    }

    @Test
    void aLargeFileOnAReplyIsStoredOnItsConversation() throws Exception {
        var desk = intake.desk(greenMail);
        JsonNode created = intake.receive(desk, message(desk.address(), "<first-" + UUID.randomUUID() + "@customer.test>",
                null, "Printer", file("small.txt", randomBytes(10))));
        byte[] large = randomBytes(120 * 1024);

        JsonNode reply = intake.receive(desk, message(desk.address(), "<reply-" + UUID.randomUUID() + "@customer.test>",
                created.get("messageId").asString(), "Re: Printer", file("trace.pcap", large)));

        assertThat(reply.get("ticketDisplayId")).isEqualTo(created.get("ticketDisplayId"));
        String ticket = reply.get("ticketDisplayId").asString();
        JsonNode stored = awaitState(ticket, 1, "STORED");
        assertThat(stored.get("conversationId").isNull()).isFalse();
        assertThat(api.admin().getDigest(downloadPath(ticket, stored))).isEqualTo(sha256(large));
    }

    @Test
    void aFileOverTheMaximumSizeFailsWithAnAuditEntryAndTheTicketStays() throws Exception {
        byte[] huge = randomBytes((int) (1.2 * MAX_SIZE));

        JsonNode entry = receive("Full disk image", file("note.txt", randomBytes(100)), file("image.raw", huge));

        String ticket = entry.get("ticketDisplayId").asString();
        JsonNode failed = awaitState(ticket, 1, "FAILED");
        assertThat(failed.get("error").asString())
                .isEqualTo("it is larger than the limit of 1 MB (mailroom.intake.attachments.max-size)");
        JsonNode audit = attachmentFailure(entry);
        assertThat(audit.get("message").asString()).isEqualTo(
                "Attachment \"image.raw\" (1.2 MB) could not be stored: it is larger than the limit of 1 MB"
                        + " (mailroom.intake.attachments.max-size)");
        assertTicketIntact(ticket, "note.txt");
    }

    @Test
    void aRawEmailGoneBeforeTheWorkerCameFailsTheFileNotTheTicket() throws Exception {
        holdWorker();
        JsonNode entry = receive("Screenshots", file("small.png", randomBytes(500)), file("video.mp4", randomBytes(200 * 1024)));
        String ticket = entry.get("ticketDisplayId").asString();
        String rawKey = jdbc.sql("select raw_blob_key from inbound_email where id = :id")
                .param("id", entry.get("inboundEmailId").asLong()).query(String.class).single();

        assertThat(blobs.delete(rawKey)).isTrue();
        worker.countDown();

        JsonNode failed = awaitState(ticket, 1, "FAILED");
        assertThat(failed.get("error").asString()).isEqualTo("the raw email is no longer available");
        JsonNode audit = attachmentFailure(entry);
        assertThat(audit.get("message").asString())
                .isEqualTo("Attachment \"video.mp4\" (200 KB) could not be stored: the raw email is no longer available");
        assertThat(IntakeHarness.step(audit, "attachment").get("detail").asString())
                .contains("MIME part 3 of inbound email #" + entry.get("inboundEmailId").asLong(), "on attempt 1");
        assertTicketIntact(ticket, "small.png");
    }

    @Test
    void aStoreFailureThatPassesIsRetriedAfterADelay() throws Exception {
        holdWorker();
        doThrow(new IOException("disk full")).doCallRealMethod().when(blobs).putAtMost(any(), eq(MAX_SIZE));
        byte[] large = randomBytes(100 * 1024);
        JsonNode entry = receive("Retry me", file("a.txt", randomBytes(10)), file("archive.zip", large));
        String ticket = entry.get("ticketDisplayId").asString();
        worker.countDown();

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> attempts(ticket) >= 1);
        JsonNode stored = awaitState(ticket, 1, "STORED");

        assertThat(attempts(ticket)).isEqualTo(2);
        assertThat(api.admin().getDigest(downloadPath(ticket, stored))).isEqualTo(sha256(large));
        assertThat(attachmentFailures(ticket)).isZero();
    }

    @Test
    void aStoreFailureThatLastsFailsTheFileWhenTheAttemptsRunOut() throws Exception {
        doThrow(new IOException("disk full")).when(blobs).putAtMost(any(), eq(MAX_SIZE));

        JsonNode entry = receive("Never stored", file("a.txt", randomBytes(10)), file("backup.tar", randomBytes(150 * 1024)));

        String ticket = entry.get("ticketDisplayId").asString();
        JsonNode failed = awaitState(ticket, 1, "FAILED");
        assertThat(attempts(ticket)).isEqualTo(2);
        assertThat(failed.get("error").asString())
                .isEqualTo("storing it failed 2 times, the last time with IOException: disk full");
        JsonNode audit = attachmentFailure(entry);
        assertThat(audit.get("message").asString()).isEqualTo("Attachment \"backup.tar\" (150 KB) could not be stored:"
                + " storing it failed 2 times, the last time with IOException: disk full");
        assertTicketIntact(ticket, "a.txt");
    }

    private void holdWorker() {
        doAnswer(invocation -> {
            worker.await(20, TimeUnit.SECONDS);
            return invocation.callRealMethod();
        }).when(storer).attempt(any());
    }

    private JsonNode receive(String subject, String... parts) throws Exception {
        return intake.receive(intake.desk(greenMail),
                message("%DESK%", "<" + UUID.randomUUID() + "@customer.test>", null, subject, parts));
    }

    private static String message(String to, String messageId, String inReplyTo, String subject, String... parts) {
        String boundary = "b-" + UUID.randomUUID();
        StringBuilder raw = new StringBuilder("From: Alice Example <alice@customer.test>\nTo: " + to + "\nSubject: "
                + subject + "\nMessage-ID: " + messageId + "\n"
                + (inReplyTo == null ? "" : "In-Reply-To: " + inReplyTo + "\n") + """
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="%s"

                --%s
                Content-Type: text/plain; charset=utf-8

                See the attached files.
                """.formatted(boundary, boundary));
        for (String part : parts) {
            raw.append("--").append(boundary).append('\n').append(part);
        }
        raw.append("--").append(boundary).append("--\n");
        return raw.toString();
    }

    private static String file(String name, byte[] content) {
        return """
                Content-Type: application/octet-stream; name="%s"
                Content-Disposition: attachment; filename="%s"
                Content-Transfer-Encoding: base64

                %s
                """.formatted(name, name, Base64.getMimeEncoder().encodeToString(content));
    }

    private JsonNode attachments(String ticket) {
        return api.admin().get("/api/tickets/" + ticket).get("attachments");
    }

    private JsonNode awaitState(String ticket, int index, String state) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> attachments(ticket).get(index).get("state").asString().equals(state));
        return attachments(ticket).get(index);
    }

    private int attempts(String ticket) {
        return jdbc.sql("select max(a.attempts) from attachment a join ticket t on t.id = a.ticket_id"
                + " where t.display_id = :ticket").param("ticket", ticket).query(Integer.class).single();
    }

    private long attachmentFailures(String ticket) {
        return jdbc.sql("select count(*) from audit_entry where status = 'ATTACHMENT_PROCESSED_FAILED'"
                + " and ticket_display_id = :ticket").param("ticket", ticket).query(Long.class).single();
    }

    /** The one ATTACHMENT_PROCESSED_FAILED entry, carrying the email's and the ticket's particulars like the intake's own. */
    private JsonNode attachmentFailure(JsonNode processed) {
        long id = jdbc.sql("select id from audit_entry where status = 'ATTACHMENT_PROCESSED_FAILED' and inbound_email_id = :id")
                .param("id", processed.get("inboundEmailId").asLong()).query(Long.class).single();
        JsonNode audit = api.admin().get("/api/audit/" + id).body();
        assertThat(audit.get("event").asString()).isEqualTo("INCOMING");
        for (String field : new String[] {"ticketId", "ticketDisplayId", "serverId", "serverName", "messageId"}) {
            assertThat(audit.get(field)).as(field).isEqualTo(processed.get(field));
        }
        assertThat(audit.get("rawAvailable")).isNotNull();
        return audit;
    }

    private void assertTicketIntact(String ticket, String storedFile) throws Exception {
        var view = api.admin().get("/api/tickets/" + ticket);
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.get("status").asString()).isEqualTo("OPEN");
        assertThat(view.get("description").asString()).contains("See the attached files.");
        assertThat(view.get("attachments").get(0).get("fileName").asString()).isEqualTo(storedFile);
        assertThat(view.get("attachments").get(0).get("state").asString()).isEqualTo("STORED");
    }

    private Api.Response download(String ticket, JsonNode attachment) {
        return api.admin().get(downloadPath(ticket, attachment));
    }

    private static String downloadPath(String ticket, JsonNode attachment) {
        return attachment.get("downloadPath").asString();
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
