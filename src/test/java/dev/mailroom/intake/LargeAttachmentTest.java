package dev.mailroom.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Properties;
import java.util.Random;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import dev.mailroom.storage.BlobRef;
import dev.mailroom.storage.BlobStore;
import dev.mailroom.testing.Api;
import dev.mailroom.testing.MailroomTest;
import tools.jackson.databind.JsonNode;

/**
 * A 50 MB attachment, measured by the intake, recorded PENDING on a new ticket and then stored from the raw email by
 * the attachment worker (it is far above the default inline limit of 5 MB), in a JVM limited to 256 MB of heap
 * (this class runs in the surefire execution "small-heap", with -Xmx256m). The message is stored as the fetcher
 * stores it, streamed into the blob store: GreenMail keeps every message in memory, twice over for this size,
 * so it cannot stand in for the mail server here (the acceptance suite on Dovecot does).
 */
@Tag("small-heap")
@MailroomTest
@Import(IntakeHarness.class)
class LargeAttachmentTest {

    private static final int SIZE = 50 * 1024 * 1024;

    @Autowired
    IntakeHarness intake;
    @Autowired
    Api api;
    @Autowired
    BlobStore blobs;
    @TempDir
    Path temp;

    @Test
    void fiftyMegabyteAttachmentBecomesPartOfATicketIn256MegabytesOfHeap() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).as("this test must run with -Xmx256m").isLessThanOrEqualTo(300L * 1024 * 1024);
        Path eml = temp.resolve("large.eml");
        try (OutputStream out = Files.newOutputStream(eml)) {
            messageWithAttachment("desk@example.com").writeTo(out);
        }
        BlobRef raw;
        try (InputStream in = Files.newInputStream(eml)) {
            raw = blobs.put(in);
        }

        JsonNode entry = intake.outcomeOf(intake.storeAsFetched(raw, "<large-1@customer.test>"));

        assertThat(entry.get("status").asString()).as(entry.toString()).isEqualTo("PROCESSED");
        assertThat(IntakeHarness.step(entry, "create-ticket").get("detail").asString())
                .contains("with 1 attachment (1 large, stored moments later)");
        long processed = System.nanoTime();
        String ticketPath = "/api/tickets/" + entry.get("ticketDisplayId").asString();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                api.admin().get(ticketPath).get("attachments").get(0).get("state").asString().equals("STORED"));
        long storedAfter = Duration.ofNanos(System.nanoTime() - processed).toMillis();
        var ticket = api.admin().get(ticketPath);
        JsonNode attachment = ticket.get("attachments").get(0);
        assertThat(attachment.get("fileName").asString()).isEqualTo("disk-image.bin");
        assertThat(attachment.get("size").asLong()).isEqualTo(SIZE);
        var download = api.admin().getDigest("/api/tickets/" + ticket.get("id").asLong() + "/attachments/" + attachment.get("id").asLong());
        assertThat(download).isEqualTo(expectedSha256());
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.out.println("LARGE peak heap (sum of pool peaks) " + peak / (1024 * 1024) + " MB with -Xmx"
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + "m; STORED " + storedAfter
                + " ms after the ticket's audit entry was read");
    }

    private static MimeMessage messageWithAttachment(String desk) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("storage@customer.test"));
        message.setHeader("Message-ID", "<large-1@customer.test>");
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(desk));
        message.setSubject("Disk image for analysis");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("The image is attached.");
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new GeneratedData()));
        file.setFileName("disk-image.bin");
        file.setHeader("Content-Transfer-Encoding", "base64");
        message.setContent(new MimeMultipart(text, file));
        message.saveChanges();
        message.setHeader("Message-ID", "<large-1@customer.test>");
        return message;
    }

    private static String expectedSha256() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new GeneratedData().getInputStream()) {
            byte[] buffer = new byte[65536];
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** 50 MB of pseudo-random bytes, produced on demand and never held whole. */
    static final class GeneratedData implements DataSource {
        @Override
        public InputStream getInputStream() {
            return new InputStream() {
                private final Random random = new Random(42);
                private long remaining = SIZE;

                @Override
                public int read() {
                    if (remaining <= 0) {
                        return -1;
                    }
                    remaining--;
                    return random.nextInt(256);
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    if (remaining <= 0) {
                        return -1;
                    }
                    int count = (int) Math.min(length, remaining);
                    for (int i = 0; i < count; i++) {
                        buffer[offset + i] = (byte) random.nextInt(256);
                    }
                    remaining -= count;
                    return count;
                }
            };
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            throw new IOException("read only");
        }

        @Override
        public String getContentType() {
            return "application/octet-stream";
        }

        @Override
        public String getName() {
            return "disk-image.bin";
        }
    }
}
