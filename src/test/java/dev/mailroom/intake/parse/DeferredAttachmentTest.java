package dev.mailroom.intake.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mailroom.storage.FileSystemBlobStore;

/** Attachments above the inline limit are measured, not stored, and found again later by their part number. */
class DeferredAttachmentTest {

    private static final ParseLimits INLINE_100_BYTES = ParseLimits.DEFAULT.withInlineAttachmentBytes(100);
    private static final byte[] LARGE = "0123456789".repeat(50).getBytes();
    private static final String MESSAGE = """
            From: a@example.com
            Subject: files
            Content-Type: multipart/mixed; boundary="outer"

            --outer
            Content-Type: multipart/alternative; boundary="inner"

            --inner
            Content-Type: text/plain

            see the files
            --inner
            Content-Type: application/pdf; name="nested.pdf"
            Content-Disposition: attachment; filename="nested.pdf"
            Content-Transfer-Encoding: base64

            %s
            --inner--
            --outer
            Content-Type: text/csv; name="small.csv"
            Content-Disposition: attachment; filename="small.csv"

            a,b
            --outer
            Content-Type: application/octet-stream; name="large.bin"
            Content-Disposition: attachment; filename="large.bin"
            Content-Transfer-Encoding: base64

            %s
            --outer
            Content-Type: message/rfc822

            From: Original Sender <original@example.org>
            Subject: the forwarded one

            %s
            --outer--
            """.formatted(Base64.getMimeEncoder().encodeToString(LARGE), Base64.getMimeEncoder().encodeToString(LARGE),
            "long body line\n".repeat(20));

    @TempDir
    Path blobs;
    FileSystemBlobStore store;

    @BeforeEach
    void setUp() throws IOException {
        store = new FileSystemBlobStore(blobs);
    }

    @Test
    void attachmentsAboveTheLimitAreMeasuredAndNumberedButNotStored() throws IOException {
        ParsedEmail email = Messages.parse(new EmailParser(store, INLINE_100_BYTES), MESSAGE);

        assertThat(email.attachments()).extracting(ParsedAttachment::fileName, ParsedAttachment::partNumber,
                ParsedAttachment::deferred, ParsedAttachment::size).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("nested.pdf", "1.2", true, (long) LARGE.length),
                        org.assertj.core.groups.Tuple.tuple("small.csv", "2", false, 3L),
                        org.assertj.core.groups.Tuple.tuple("large.bin", "3", true, (long) LARGE.length),
                        org.assertj.core.groups.Tuple.tuple("the forwarded one.eml", "4", true, email.attachments().get(3).size()));
        assertThat(email.attachments().get(3).size()).isGreaterThan(100);
        assertThat(email.attachments().get(3).embeddedMessage().from().address()).isEqualTo("original@example.org");
        assertThat(email.body().text()).isEqualTo("see the files");
        assertThat(storedFiles()).as("only the small file is in the store").hasSize(1);
    }

    @Test
    void aDeferredPartIsFoundAgainWithTheBytesAnInlineParseWouldStore() throws Exception {
        ParsedEmail deferred = Messages.parse(new EmailParser(store, INLINE_100_BYTES), MESSAGE);
        ParsedEmail inline = Messages.parse(new EmailParser(store), MESSAGE);
        PartLocator locator = new PartLocator(INLINE_100_BYTES);

        for (int i = 0; i < deferred.attachments().size(); i++) {
            ParsedAttachment part = deferred.attachments().get(i);
            byte[] found = locator.read(Messages.raw(MESSAGE), part.partNumber(), InputStream::readAllBytes);
            try (InputStream expected = store.open(inline.attachments().get(i).blob().key()).orElseThrow()) {
                assertThat(found).as(part.fileName()).isEqualTo(expected.readAllBytes());
            }
        }
    }

    @Test
    void aPartTheEmailDoesNotHaveIsNotReadable() {
        PartLocator locator = new PartLocator(INLINE_100_BYTES);

        assertThatThrownBy(() -> locator.read(Messages.raw(MESSAGE), "7", InputStream::readAllBytes))
                .isInstanceOf(PartLocator.PartNotReadable.class)
                .hasMessage("the email has no part 7");
    }

    @Test
    void theBodyOfASinglePartMessageIsPartOne() throws Exception {
        String single = """
                From: a@example.com
                Content-Type: application/zip
                Content-Disposition: attachment; filename="logs.zip"
                Content-Transfer-Encoding: base64

                %s
                """.formatted(Base64.getMimeEncoder().encodeToString(LARGE));

        ParsedAttachment zip = Messages.parse(new EmailParser(store, INLINE_100_BYTES), single).attachments().get(0);

        assertThat(zip.partNumber()).isEqualTo("1");
        assertThat(new PartLocator(INLINE_100_BYTES).read(Messages.raw(single), "1", InputStream::readAllBytes))
                .isEqualTo(LARGE);
    }

    private java.util.List<Path> storedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(blobs)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
