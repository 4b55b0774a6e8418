package dev.mailroom.intake.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.mailroom.MailroomApplication;
import dev.mailroom.platform.SqlTime;
import dev.mailroom.storage.BlobRef;
import dev.mailroom.storage.BlobStore;

/**
 * A PENDING attachment survives the node: Mailroom is started on a file database, makes a ticket whose large
 * attachment stays PENDING (its attachment worker is off, and the attempt it had begun died with it), and is stopped;
 * the next start stores the attachment. Nothing about the queue lives in memory, so there is no task to lose.
 */
class PendingAttachmentRestartTest {

    @TempDir
    Path data;

    @Test
    void aPendingAttachmentLeftByAStoppedNodeIsStoredWhenMailroomStartsAgain() throws Exception {
        byte[] large = new byte[200 * 1024];
        new Random(7).nextBytes(large);
        long attachmentId;

        try (ConfigurableApplicationContext first = start("--mailroom.intake.attachments.worker-enabled=false")) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            BlobRef raw = first.getBean(BlobStore.class).put(new ByteArrayInputStream(emailWith(large)));
            jdbc.sql("""
                    insert into inbound_email (server_id, remote_key, state, action_pending, message_id,
                        message_id_generated, size_bytes, raw_blob_key, received_at)
                    values (0, 'restart-1', 'RECEIVED', false, '<restart-1@customer.test>', false, :size, :raw, :now)""")
                    .param("size", raw.size()).param("raw", raw.key()).param("now", SqlTime.toSql(SqlTime.now()))
                    .update();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                    "select count(*) from inbound_email where remote_key = 'restart-1' and state = 'PROCESSED'")
                    .query(Long.class).single() == 1);
            attachmentId = jdbc.sql("select id from attachment where file_name = 'dump.bin' and state = 'PENDING'")
                    .query(Long.class).single();
            // An attempt that was under way when the node went down: counted, never finished.
            jdbc.sql("update attachment set attempts = 1 where id = :id").param("id", attachmentId).update();
        }

        try (ConfigurableApplicationContext second = start()) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.sql(
                    "select state from attachment where id = :id").param("id", attachmentId).query(String.class).single()
                    .equals("STORED"));
            String key = jdbc.sql("select blob_key from attachment where id = :id").param("id", attachmentId)
                    .query(String.class).single();
            try (InputStream stored = second.getBean(BlobStore.class).open(key).orElseThrow()) {
                assertThat(stored.readAllBytes()).isEqualTo(large);
            }
            assertThat(jdbc.sql("select attempts from attachment where id = :id").param("id", attachmentId)
                    .query(Integer.class).single()).isEqualTo(2);
        }
    }

    private ConfigurableApplicationContext start(String... more) {
        String[] args = {"--server.port=0", "--mailroom.data-dir=" + data,
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("db/mailroom"),
                "--mailroom.intake.attachments.inline-limit=64KB"};
        String[] all = Stream.concat(Arrays.stream(args), Arrays.stream(more)).toArray(String[]::new);
        return new SpringApplicationBuilder(MailroomApplication.class).profiles("test").run(all);
    }

    private static byte[] emailWith(byte[] attachment) {
        return ("""
                From: Bob Example <bob@customer.test>
                To: desk@example.com
                Subject: Core dump
                Message-ID: <restart-1@customer.test>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain

                The dump is attached.
                --b
                Content-Type: application/octet-stream; name="dump.bin"
                Content-Disposition: attachment; filename="dump.bin"
                Content-Transfer-Encoding: base64

                %s
                --b--
                """.formatted(Base64.getMimeEncoder().encodeToString(attachment)).replace("\n", "\r\n")
                .replace("\r\r\n", "\r\n")).getBytes(StandardCharsets.US_ASCII);
    }
}
