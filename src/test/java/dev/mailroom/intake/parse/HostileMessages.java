package dev.mailroom.intake.parse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A deterministic set of hostile and broken emails, made in code: truncated and boundary-less MIME, deep and wide
 * nesting, megabyte header lines, invalid transfer encodings, unknown and lying charsets, a zip bomb, a crowd of
 * recipients, NUL bytes and CR/LF smuggled into decoded headers. Each case says whether the parser should list a
 * problem for it.
 */
public final class HostileMessages {

    /** One generated email; {@code broken} when something in it is wrong enough that a parse problem must be listed. */
    public record Case(String name, byte[] raw, boolean broken) {
        /** The same email with Message-IDs under {@code tag}, so a second copy is not taken for a duplicate. */
        public Case taggedWith(String tag) {
            return new Case(name, replace(raw, "@hostile.test>", "@" + tag + ".hostile.test>"), broken);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The address the generated messages are sent to. */
    public static final String DESK = "desk@hostile.test";
    public static final String INJECTED_BCC = "victim@attacker.test";

    private HostileMessages() {
    }

    public static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("truncated multipart", truncatedMultipart(), true));
        cases.add(new Case("multipart without boundary", multipartWithoutBoundary(), true));
        cases.add(new Case("boundary never appears", boundaryNeverAppears(), false));
        cases.add(new Case("10,000 nested parts", nestedParts(10_000), true));
        cases.add(new Case("10,000 sibling parts", siblingParts(10_000), false));
        cases.add(new Case("1 MB subject line", megabyteSubjectLine(), true));
        cases.add(new Case("1 MB folded header", megabyteFoldedHeader(), true));
        cases.add(new Case("20,000 header fields", manyHeaderFields(20_000), true));
        cases.add(new Case("invalid base64", invalidBase64(), true));
        cases.add(new Case("invalid quoted-printable", invalidQuotedPrintable(), true));
        cases.add(new Case("unknown charset", unknownCharset(), true));
        cases.add(new Case("UTF-8 label on Latin-1 bytes", lyingUtf8Charset(), true));
        // US-ASCII is read as its superset windows-1252 on purpose, so 8-bit bytes under it are no problem.
        cases.add(new Case("US-ASCII label on 8-bit bytes", lyingAsciiCharset(), false));
        cases.add(new Case("unknown transfer encoding", unknownTransferEncoding(), true));
        cases.add(new Case("zip bomb attachment", zipBombAttachment(), false));
        cases.add(new Case("nested attached messages", nestedAttachedMessages(200), false));
        cases.add(new Case("10,000 recipients", manyRecipients(10_000), false));
        cases.add(new Case("NUL bytes", nulBytes(), false));
        cases.add(new Case("CR/LF in encoded subject and From name", crlfInEncodedHeaders(), false));
        cases.add(new Case("headers only, no blank line", headersOnly(), false));
        cases.add(new Case("empty message", new byte[0], true));
        cases.add(new Case("binary garbage", binaryGarbage(64 * 1024), true));
        return cases;
    }

    /** A normal request with a Message-ID made from {@code tag}, to {@code %DESK%} as {@code IntakeHarness} wants it. */
    public static String normalEmail(String tag) {
        return headers("Normal request " + tag, "<normal-" + tag + "@hostile.test>").replace(DESK, "%DESK%") + """
                Content-Type: text/plain; charset=utf-8

                The VPN does not connect since this morning.
                """;
    }

    static String headers(String subject, String messageId) {
        return "From: Hostile Tester <tester@hostile.test>\nTo: " + DESK + "\nSubject: " + subject + "\nMessage-ID: "
                + messageId + "\nDate: Thu, 03 Dec 2026 09:00:00 +0000\nMIME-Version: 1.0\n";
    }

    private static String id(String name) {
        return "<" + name + "@hostile.test>";
    }

    private static byte[] crlf(String message) {
        return message.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] truncatedMultipart() {
        String attachment = Base64.getMimeEncoder().encodeToString(repeated((byte) 'x', 20_000));
        String message = headers("Truncated", id("truncated")) + """
                Content-Type: multipart/mixed; boundary="cut-here"

                --cut-here
                Content-Type: text/plain

                Please see the log.
                --cut-here
                Content-Type: application/octet-stream; name="log.bin"
                Content-Transfer-Encoding: base64

                """ + attachment;
        return crlf(message.substring(0, message.length() - attachment.length() / 2 - 3));
    }

    private static byte[] multipartWithoutBoundary() {
        return crlf(headers("No boundary", id("no-boundary")) + """
                Content-Type: multipart/mixed

                --x
                Content-Type: text/plain

                Where does this part end?
                --x--
                """);
    }

    private static byte[] boundaryNeverAppears() {
        return crlf(headers("Boundary missing", id("boundary-missing")) + """
                Content-Type: multipart/alternative; boundary="declared-but-absent"

                This is all there is, and no boundary line follows.
                """);
    }

    /** Each part a multipart holding the next, {@code depth} deep, a text at the bottom. */
    private static byte[] nestedParts(int depth) {
        StringBuilder message = new StringBuilder(headers("Deep", id("deep")))
                .append("Content-Type: multipart/mixed; boundary=\"b0\"\n\n");
        for (int level = 0; level < depth; level++) {
            message.append("--b").append(level).append('\n')
                    .append("Content-Type: multipart/mixed; boundary=\"b").append(level + 1).append("\"\n\n");
        }
        message.append("--b").append(depth).append("\nContent-Type: text/plain\n\nBottom.\n");
        for (int level = depth; level >= 0; level--) {
            message.append("--b").append(level).append("--\n");
        }
        return crlf(message.toString());
    }

    private static byte[] siblingParts(int count) {
        StringBuilder message = new StringBuilder(headers("Wide", id("wide")))
                .append("Content-Type: multipart/mixed; boundary=\"w\"\n\n");
        for (int i = 0; i < count; i++) {
            message.append("--w\nContent-Type: text/plain\n\npart ").append(i).append('\n');
        }
        message.append("--w--\n");
        return crlf(message.toString());
    }

    private static byte[] megabyteSubjectLine() {
        return crlf(headers("S".repeat(1024 * 1024), id("long-subject")) + "Content-Type: text/plain\n\nBody.\n");
    }

    private static byte[] megabyteFoldedHeader() {
        StringBuilder folded = new StringBuilder("X-Folded: start");
        while (folded.length() < 1024 * 1024) {
            folded.append("\n continued-").append(folded.length());
        }
        return crlf(headers("Folded", id("folded")) + folded + "\nContent-Type: text/plain\n\nBody.\n");
    }

    private static byte[] manyHeaderFields(int count) {
        StringBuilder message = new StringBuilder(headers("Many fields", id("many-fields")));
        for (int i = 0; i < count; i++) {
            message.append("X-Field-").append(i).append(": value\n");
        }
        return crlf(message + "Content-Type: text/plain\n\nBody.\n");
    }

    private static byte[] invalidBase64() {
        return crlf(headers("Bad base64", id("bad-base64")) + """
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: base64

                !!!!not*base64@@@@%%%%====SGVsbG8=====????
                --b
                Content-Type: application/pdf; name="x.pdf"
                Content-Transfer-Encoding: base64

                ====ÿÿÿ~~~~
                --b--
                """);
    }

    private static byte[] invalidQuotedPrintable() {
        return crlf(headers("Bad QP", id("bad-qp")) + """
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: quoted-printable

                Broken =ZZ escapes =4 and =\u0000 and a soft break at the very end =""");
    }

    private static byte[] unknownCharset() {
        byte[] head = crlf(headers("=?x-klingon-42?B?SGVsbG8=?=", id("unknown-charset"))
                + "Content-Type: text/plain; charset=\"x-klingon-42\"\n\n");
        return concat(head, new byte[] {'t', 'l', 'h', (byte) 0xE9, (byte) 0x80, (byte) 0x9D, '\r', '\n'});
    }

    private static byte[] lyingUtf8Charset() {
        byte[] head = crlf(headers("Lying UTF-8", id("lying-utf8")) + "Content-Type: text/plain; charset=utf-8\n\n");
        byte[] latin1 = "Grüße aus Köln, ça va?\r\n".getBytes(StandardCharsets.ISO_8859_1);
        return concat(head, latin1);
    }

    private static byte[] lyingAsciiCharset() {
        byte[] head = crlf(headers("Lying ASCII", id("lying-ascii")) + "Content-Type: text/plain; charset=us-ascii\n\n");
        return concat(head, new byte[] {'a', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, '\r', '\n'});
    }

    private static byte[] unknownTransferEncoding() {
        return crlf(headers("Unknown encoding", id("unknown-encoding")) + """
                Content-Type: text/plain
                Content-Transfer-Encoding: x-rot13-deluxe

                Uryyb.
                """);
    }

    /** A small zip that inflates to 200 MB of zeros; the parser must store it, never open it. */
    private static byte[] zipBombAttachment() {
        String zip = Base64.getMimeEncoder().encodeToString(zipOfZeros(200 * 1024 * 1024));
        return crlf(headers("Zip bomb", id("zip-bomb")) + """
                Content-Type: multipart/mixed; boundary="z"

                --z
                Content-Type: text/plain

                Please unpack.
                --z
                Content-Type: application/zip; name="bomb.zip"
                Content-Disposition: attachment; filename="bomb.zip"
                Content-Transfer-Encoding: base64

                """ + zip + "\n--z--\n");
    }

    private static byte[] zipOfZeros(int size) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("zeros.bin"));
            byte[] chunk = new byte[64 * 1024];
            for (int written = 0; written < size; written += chunk.length) {
                zip.write(chunk);
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** message/rfc822 inside message/rfc822, {@code depth} deep. */
    private static byte[] nestedAttachedMessages(int depth) {
        String inner = "From: a@hostile.test\nSubject: innermost\n\nInnermost.\n";
        for (int level = 0; level < depth; level++) {
            inner = "From: a@hostile.test\nSubject: level " + level + "\nContent-Type: message/rfc822\n\n" + inner;
        }
        return crlf(headers("Nested messages", id("nested-messages")) + """
                Content-Type: multipart/mixed; boundary="m"

                --m
                Content-Type: text/plain

                Forwarded many times.
                --m
                Content-Type: message/rfc822

                """ + inner + "--m--\n");
    }

    private static byte[] manyRecipients(int count) {
        StringBuilder cc = new StringBuilder("Cc: ");
        for (int i = 0; i < count; i++) {
            cc.append(i == 0 ? "" : ",\n ").append("user").append(i).append("@crowd.test");
        }
        return crlf(headers("Everyone", id("crowd")) + cc + "\nContent-Type: text/plain\n\nHello all.\n");
    }

    private static byte[] nulBytes() {
        return crlf(headers("Nul\u0000in\u0000subject", id("nul")) + "X-Nul: a\u0000b\n"
                + "Content-Type: text/plain; charset=utf-8\n\nBody\u0000with\u0000NULs.\n");
    }

    /** CR/LF and a fake Bcc header hidden in encoded words, which decode to a line break. */
    private static byte[] crlfInEncodedHeaders() {
        String injected = "\r\nBcc: " + INJECTED_BCC + "\r\nX-Injected: yes";
        return crlf("From: " + encodedWord("Eve" + injected) + " <eve@hostile.test>\n"
                + "To: " + DESK + "\n"
                + "Subject: " + encodedWord("Printer broken" + injected) + "\n"
                + "Message-ID: " + id("crlf-injection") + "\n"
                + "Date: Thu, 03 Dec 2026 09:00:00 +0000\n"
                + "Content-Type: text/plain; charset=utf-8\n\nThe printer is broken.\n");
    }

    public static String encodedWord(String text) {
        return "=?utf-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    private static byte[] headersOnly() {
        return crlf(headers("Headers only", id("headers-only")).stripTrailing());
    }

    private static byte[] binaryGarbage(int size) {
        byte[] bytes = new byte[size];
        new java.util.SplittableRandom(9).nextBytes(bytes);
        return bytes;
    }

    private static byte[] repeated(byte value, int count) {
        byte[] bytes = new byte[count];
        java.util.Arrays.fill(bytes, value);
        return bytes;
    }

    private static byte[] replace(byte[] bytes, String target, String replacement) {
        byte[] from = target.getBytes(StandardCharsets.US_ASCII);
        byte[] to = replacement.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        int i = 0;
        while (i < bytes.length) {
            if (java.util.Arrays.equals(bytes, i, Math.min(i + from.length, bytes.length), from, 0, from.length)) {
                out.writeBytes(to);
                i += from.length;
            } else {
                out.write(bytes[i++]);
            }
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
