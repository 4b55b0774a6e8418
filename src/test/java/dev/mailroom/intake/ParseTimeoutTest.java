package dev.mailroom.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import dev.mailroom.audit.AuditMessages;
import dev.mailroom.platform.MailroomProperties;
import dev.mailroom.storage.BlobRef;
import dev.mailroom.storage.BlobStore;
import dev.mailroom.testing.FaultTest;
import dev.mailroom.testing.MailroomTest;
import tools.jackson.databind.JsonNode;

/**
 * An email whose parse never ends — its raw file sits on a blob store that hangs (here a named pipe nobody writes to,
 * as reading a hung network mount blocks): after {@code mailroom.intake.parse-timeout} it ends PROCESSED_FAILED
 * with the reason in its trace, and the emails after it in the same batch are judged as usual.
 */
@FaultTest
@MailroomTest
@Import(IntakeHarness.class)
@DirtiesContext
@TestPropertySource(properties = "mailroom.intake.parse-timeout=2s")
class ParseTimeoutTest {

    @Autowired
    IntakeHarness intake;
    @Autowired
    BlobStore blobs;
    @Autowired
    MailroomProperties mailroom;
    @Autowired
    JdbcClient jdbc;

    @Test
    void stuckParseEndsThatEmailAsProcessedFailedAndTheBatchGoesOn() throws Exception {
        BlobRef before = store("before");
        BlobRef stuck = store("stuck");
        BlobRef after = store("after");
        Path hung = hang(stuck);
        try {
            long beforeId = intake.storeAsFetched(before, "<before@timeout.test>");
            long serverId = jdbc.sql("select server_id from inbound_email where id = :id").param("id", beforeId)
                    .query(Long.class).single();
            long stuckId = intake.storeAsFetched(serverId, stuck, "stuck", "<stuck@timeout.test>");
            long afterId = intake.storeAsFetched(serverId, after, "after", "<after@timeout.test>");

            JsonNode failed = intake.outcomeOf(stuckId);
            assertThat(failed.get("status").asString()).isEqualTo("PROCESSED_FAILED");
            assertThat(failed.get("message").asString()).isEqualTo(AuditMessages.ERROR_CREATING_REQUEST);
            JsonNode parse = IntakeHarness.step(failed, "parse");
            assertThat(parse.get("verdict").asString()).isEqualTo("timed out");
            assertThat(parse.get("detail").asString()).contains("longer than the limit of 2 s");
            assertThat(intake.outcomeOf(beforeId).get("status").asString()).isEqualTo("PROCESSED");
            assertThat(intake.outcomeOf(afterId).get("status").asString()).isEqualTo("PROCESSED");
        } finally {
            release(hung);
        }
    }

    private BlobRef store(String tag) throws Exception {
        String raw = "From: Requester " + tag + " <" + tag + "@timeout.test>\r\nTo: desk@example.com\r\nSubject: Parse "
                + tag + "\r\nMessage-ID: <" + tag + "@timeout.test>\r\nContent-Type: text/plain\r\n\r\nPlease help.\r\n";
        return blobs.put(new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The blob's file becomes a named pipe: opening it for reading blocks until someone opens it for writing. */
    private Path hang(BlobRef blob) throws Exception {
        String key = blob.key();
        Path file = mailroom.blobDir().resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
        Files.delete(file);
        Process mkfifo = new ProcessBuilder("mkfifo", file.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).as("mkfifo " + file).isTrue();
        return file;
    }

    /** Lets the parse thread that is still blocked on the pipe finish (it reads an empty email), then removes it. */
    private static void release(Path fifo) throws Exception {
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.flush();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            writer.get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            writer.cancel(true);
        }
        Files.deleteIfExists(fifo);
    }
}
