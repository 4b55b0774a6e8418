package dev.mailroom.intake.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mailroom.storage.FileSystemBlobStore;

/** A 50 MB attachment streams through to the blob store: the message is generated lazily and never held whole. */
class LargeMessageTest {

    private static final int ATTACHMENT_BYTES = 50 * 1024 * 1024;
    private static final long SEED = 42;

    @TempDir
    Path blobs;

    @Test
    void fiftyMegabyteAttachmentStreamsWithBoundedHeap() throws Exception {
        var parser = new EmailParser(new FileSystemBlobStore(blobs));
        String expectedKey = sha256OfAttachment();

        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        System.gc();
        long before = heapPools.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);

        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        ParsedEmail email;
        try (InputStream message = new GeneratedMessage()) {
            email = parser.parse(message);
        }
        long allocatedMb = (threads.getCurrentThreadAllocatedBytes() - allocatedBefore) / (1024 * 1024);

        long peak = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        long increaseMb = (peak - before) / (1024 * 1024);
        System.out.printf("50 MB attachment: peak heap increase during parse %d MB, %d MB allocated in all%n",
                increaseMb, allocatedMb);

        assertThat(email.subject()).isEqualTo("big file");
        assertThat(email.body().text()).isEqualTo("See attached.");
        assertThat(email.attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.fileName()).isEqualTo("big.bin");
            assertThat(attachment.size()).isEqualTo(ATTACHMENT_BYTES);
            assertThat(attachment.blob().key()).isEqualTo(expectedKey);
        });
        // What this thread allocated is the proof: holding the attachment or the message in memory would allocate
        // 50 MB (or the 68 MB of base64) and more. The heap's peak is only printed: it also counts the garbage of every
        // other thread of the test JVM (the cached Spring contexts' pollers), which a loaded machine collects late.
        assertThat(allocatedMb).as("bytes allocated while parsing, in MB").isLessThan(40);
    }

    private static String sha256OfAttachment() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        SplittableRandom random = new SplittableRandom(SEED);
        byte[] chunk = new byte[57 * 1024];
        for (int done = 0; done < ATTACHMENT_BYTES; done += chunk.length) {
            int length = Math.min(chunk.length, ATTACHMENT_BYTES - done);
            fill(random, chunk, length);
            digest.update(chunk, 0, length);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void fill(SplittableRandom random, byte[] chunk, int length) {
        for (int i = 0; i < length; i++) {
            chunk[i] = (byte) random.nextInt(256);
        }
    }

    /**
     * Headers, a short text part and a base64 attachment of pseudo-random bytes, produced as it is read into reused
     * buffers, so that the generator itself adds no garbage to the heap measurement.
     */
    private static final class GeneratedMessage extends InputStream {

        private static final byte[] HEAD = ("""
                From: sender@example.com\r
                To: desk@example.com\r
                Subject: big file\r
                Message-ID: <big@example.com>\r
                MIME-Version: 1.0\r
                Content-Type: multipart/mixed; boundary="b"\r
                \r
                --b\r
                Content-Type: text/plain\r
                \r
                See attached.\r
                --b\r
                Content-Type: application/octet-stream\r
                Content-Disposition: attachment; filename="big.bin"\r
                Content-Transfer-Encoding: base64\r
                \r
                """).getBytes(StandardCharsets.US_ASCII);
        private static final byte[] TAIL = "\r\n--b--\r\n".getBytes(StandardCharsets.US_ASCII);

        private final SplittableRandom random = new SplittableRandom(SEED);
        private final Base64.Encoder encoder = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII));
        private final byte[] raw = new byte[57 * 1024];
        private final byte[] encodedChunk = new byte[80 * 1024];
        private byte[] current = HEAD;
        private int limit = HEAD.length;
        private int position;
        private int encoded;
        private boolean tailSent;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            while (position >= limit) {
                if (!next()) {
                    return -1;
                }
            }
            int count = Math.min(length, limit - position);
            System.arraycopy(current, position, buffer, offset, count);
            position += count;
            return count;
        }

        private boolean next() {
            position = 0;
            if (encoded < ATTACHMENT_BYTES) {
                int length = Math.min(raw.length, ATTACHMENT_BYTES - encoded);
                fill(random, raw, length);
                byte[] source = length == raw.length ? raw : java.util.Arrays.copyOf(raw, length);
                int size = encoder.encode(source, encodedChunk);
                encoded += length;
                if (encoded < ATTACHMENT_BYTES) {
                    encodedChunk[size++] = '\r';
                    encodedChunk[size++] = '\n';
                }
                current = encodedChunk;
                limit = size;
                return true;
            }
            if (!tailSent) {
                tailSent = true;
                current = TAIL;
                limit = TAIL.length;
                return true;
            }
            return false;
        }
    }
}
