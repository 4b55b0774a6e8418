package dev.mailroom.outgoing.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.mailroom.audit.AuditEntry;
import dev.mailroom.audit.AuditStatus;
import dev.mailroom.outgoing.OutgoingServer;
import dev.mailroom.outgoing.outbox.NewOutboundEmail;
import dev.mailroom.outgoing.outbox.OutboundKind;
import dev.mailroom.outgoing.outbox.OutboundRecipient;
import dev.mailroom.outgoing.outbox.Outbox;
import dev.mailroom.testing.Api;
import dev.mailroom.testing.ScriptedSmtpServer;
import dev.mailroom.tickets.AttachmentService;

/**
 * A 60 MB ticket attachment sent in a JVM limited to 256 MB of heap (surefire execution "small-heap"): the
 * attachment is streamed from the blob store onto the SMTP connection, never held whole.
 */
@Tag("small-heap")
@SenderTest
class LargeAttachmentSendTest {

    private static final int SIZE = 60 * 1024 * 1024;

    @Autowired
    OutboxSender sender;
    @Autowired
    OutboxFixtures fixtures;
    @Autowired
    Outbox outbox;
    @Autowired
    AttachmentService attachments;
    @Autowired
    Api api;

    private final ScriptedSmtpServer smtp = ScriptedSmtpServer.start().keepHeadersOnly();

    @AfterEach
    void stop() {
        smtp.close();
    }

    @Test
    void sixtyMegabyteAttachmentIsStreamedOntoTheWire() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).as("this test must run with -Xmx256m").isLessThanOrEqualTo(300L * 1024 * 1024);
        OutgoingServerSpec spec = new OutgoingServerSpec(smtp.port());
        spec.maxAttachmentBytes = 100L * 1024 * 1024;
        spec.readTimeoutSeconds = 60;
        OutgoingServer server = fixtures.server(spec);
        long ticketId = api.admin().post("/api/tickets", Map.of("subject", "Disk image", "requesterEmail",
                "ann@example.com", "description", "For analysis")).get("id").asLong();
        long attachmentId = attachments.upload(ticketId, "disk-image.bin", "application/octet-stream", new Generated(SIZE)).id();
        String messageId = OutboxFixtures.newMessageId();
        outbox.enqueue(new NewOutboundEmail(OutboundKind.TECHNICIAN_REPLY, ticketId, null, null, server.id(),
                List.of(OutboundRecipient.to("ann@example.com")), messageId, null, List.of(), "Re: Disk image",
                "The image is attached.", null, List.of(attachmentId)));

        sender.sendDue();

        assertThat(fixtures.finalAuditOf(messageId)).extracting(AuditEntry::status, AuditEntry::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AuditStatus.SENT, "Sent"));
        assertThat(smtp.received()).singleElement().satisfies(received -> {
            assertThat(received.size()).as("base64 of 60 MB").isGreaterThan(SIZE * 4L / 3);
            assertThat(received.data()).contains("Message-ID: " + messageId);
        });
    }

    /** Pseudo-random bytes made on the fly, so the test itself holds none of them. */
    private static final class Generated extends InputStream {
        private long remaining;
        private int state = 12345;

        Generated(long size) {
            this.remaining = size;
        }

        @Override
        public int read() {
            if (remaining == 0) {
                return -1;
            }
            remaining--;
            state = state * 1103515245 + 12345;
            return (state >>> 16) & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining == 0) {
                return -1;
            }
            int count = (int) Math.min(length, remaining);
            for (int i = 0; i < count; i++) {
                buffer[offset + i] = (byte) read();
            }
            return count;
        }
    }
}
