package dev.mailroom.intake.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.MimeTokenStream;

import dev.mailroom.storage.BlobRef;
import dev.mailroom.storage.BlobStore;
import dev.mailroom.platform.Counts;

/**
 * One pass over the raw message with mime4j's pull parser. Text and HTML bodies are read into memory up to the
 * limits; every other leaf streams straight into the blob store, unless it is larger than
 * {@link ParseLimits#inlineAttachmentBytes()}: then it is only measured and left where it is, under its part number.
 * Attached messages are not descended into: they are kept whole as {@code .eml} files, which is what a technician
 * downloads, and only their headers are read.
 */
final class MimeWalker {

    private static final Set<String> KNOWN_ENCODINGS = Set.of(
            "7bit", "8bit", "binary", "base64", "quoted-printable", "x-uuencode", "uuencode", "x-uue");
    private static final Set<String> REPORT_TYPES = Set.of(
            "message/delivery-status", "message/global-delivery-status", "message/disposition-notification",
            "message/feedback-report", "text/rfc822-headers", "message/global-headers");
    private static final Set<String> MESSAGE_TYPES = Set.of("message/rfc822", "message/global", "message/news");
    private static final Set<String> TNEF_TYPES = Set.of("application/ms-tnef", "application/vnd.ms-tnef");
    private static final Set<String> CALENDAR_TYPES = Set.of("text/calendar", "application/ics", "text/x-vcalendar");
    private static final int PREAMBLE_LIMIT = 64 * 1024;
    /** Enough for the header block of nearly any attached message; a longer one gives a partial summary. */
    private static final int EMBEDDED_HEAD_LIMIT = 64 * 1024;
    /**
     * Parts nested deeper than this end the walk: mime4j stacks one boundary stream per level and reads through all
     * of them recursively, so thousands of levels overflow the stack. Real mail stays within a dozen.
     */
    static final int MAX_NESTING = 100;

    private final BlobStore store;
    private final ParseLimits limits;
    private final Problems problems;
    private final List<ParsedAttachment> attachments = new ArrayList<>();
    private final List<ReportPart> reports = new ArrayList<>();
    private final PartNumbers numbers = new PartNumbers();
    private int textBudget;
    private int htmlBudget;

    MimeWalker(BlobStore store, ParseLimits limits, Problems problems) {
        this.store = store;
        this.limits = limits;
        this.problems = problems;
        this.textBudget = limits.maxTextBytes();
        this.htmlBudget = limits.maxHtmlBytes();
    }

    MimeTree walk(InputStream raw) throws IOException {
        TrackedInput input = new TrackedInput(raw);
        TruncatingFieldBuilder fields = new TruncatingFieldBuilder(limits.maxHeaderFieldBytes());
        PartNode root = new PartNode(true);
        Deque<PartNode> open = new ArrayDeque<>();
        try {
            MimeTokenStream tokens = MimeStreams.open(input, limits, problems, fields);
            walk:
            for (EntityState state = tokens.getState(); state != EntityState.T_END_OF_STREAM; state = tokens.next()) {
                numbers.follow(state);
                switch (state) {
                    case T_START_MESSAGE -> open.push(open.isEmpty() ? root : new PartNode(false));
                    case T_START_BODYPART -> {
                        PartNode child = new PartNode(false);
                        current(open, root).children.add(child);
                        open.push(child);
                    }
                    case T_FIELD -> addField(current(open, root), tokens.getField());
                    case T_START_MULTIPART -> {
                        if (open.size() > MAX_NESTING) {
                            problems.add("MIME parts nested deeper than " + MAX_NESTING + " levels; the rest was ignored");
                            break walk;
                        }
                        startMultipart(current(open, root), tokens.getBodyDescriptor());
                    }
                    case T_PREAMBLE -> current(open, root).preamble = readPreamble(tokens.getInputStream());
                    case T_BODY -> body(current(open, root), tokens);
                    case T_END_BODYPART, T_END_MESSAGE -> {
                        if (!open.isEmpty()) {
                            open.pop();
                        }
                    }
                    default -> {
                        // headers end, multipart end and epilogue need no action
                    }
                }
            }
        } catch (StorageFailure e) {
            throw e.getCause();
        } catch (MimeException | IOException | RuntimeException e) {
            if (input.failure() != null) {
                throw input.failure();
            }
            problems.add("MIME structure could not be read to the end (" + e.getMessage() + "); the rest was ignored");
        }
        if (fields.truncatedFields() > 0) {
            problems.add(Counts.of(fields.truncatedFields(), "header field") + " longer than " + limits.maxHeaderFieldBytes()
                    + " bytes were cut");
        }
        return new MimeTree(root, List.copyOf(attachments), List.copyOf(reports));
    }

    private static void addField(PartNode node, org.apache.james.mime4j.stream.Field field) {
        if (RawHeaders.readAsWindows1252(field)) {
            node.windows1252Headers.set(node.headers.size());
        }
        node.headers.add(RawHeaders.undecoded(field));
    }

    private static PartNode current(Deque<PartNode> open, PartNode root) {
        return open.isEmpty() ? root : open.peek();
    }

    private void startMultipart(PartNode node, BodyDescriptor descriptor) {
        node.mimeType = descriptor.getMimeType().toLowerCase(Locale.ROOT);
        node.role = PartNode.Role.MULTIPART;
    }

    private String readPreamble(InputStream in) throws IOException {
        BoundedRead read = BoundedRead.of(in, PREAMBLE_LIMIT);
        return TextDecoder.decode(read.bytes(), null).text();
    }

    private void body(PartNode node, MimeTokenStream tokens) throws IOException {
        BodyDescriptor descriptor = tokens.getBodyDescriptor();
        String mimeType = descriptor.getMimeType().toLowerCase(Locale.ROOT);
        node.mimeType = mimeType;
        HeaderParams contentType = HeaderParams.parse(node.header("Content-Type"));
        HeaderParams disposition = HeaderParams.parse(node.header("Content-Disposition"));
        if (contentType.value().startsWith("multipart/") && descriptor.getBoundary() == null) {
            problems.add("multipart without boundary; read as text");
        }
        String encoding = descriptor.getTransferEncoding().toLowerCase(Locale.ROOT);
        if (!KNOWN_ENCODINGS.contains(encoding)) {
            problems.add("unknown Content-Transfer-Encoding " + encoding + "; content read as is");
        }
        try (InputStream content = MimeStreams.decodedBody(tokens)) {
            String fileName = AttachmentNames.given(disposition, contentType);
            boolean attachmentDisposition = disposition.value().equals("attachment");
            boolean bodyCandidate = node.root || (!attachmentDisposition && fileName == null);
            if (mimeType.equals("text/plain") && bodyCandidate) {
                readText(node, content, contentType, PartNode.Role.TEXT);
            } else if (mimeType.equals("text/html") && bodyCandidate) {
                readText(node, content, contentType, PartNode.Role.HTML);
            } else if (REPORT_TYPES.contains(mimeType)) {
                readReport(node, content, mimeType, disposition, fileName);
            } else {
                storeAttachment(node, content, mimeType, kindOf(mimeType, fileName), disposition, fileName);
            }
        }
    }

    private static AttachmentKind kindOf(String mimeType, String fileName) {
        if (MESSAGE_TYPES.contains(mimeType)) {
            return AttachmentKind.EMAIL;
        }
        if (CALENDAR_TYPES.contains(mimeType)) {
            return AttachmentKind.CALENDAR;
        }
        if (TNEF_TYPES.contains(mimeType) || (fileName != null && fileName.equalsIgnoreCase("winmail.dat"))) {
            return AttachmentKind.TNEF;
        }
        return AttachmentKind.FILE;
    }

    private void readText(PartNode node, InputStream content, HeaderParams contentType, PartNode.Role role)
            throws IOException {
        boolean html = role == PartNode.Role.HTML;
        int budget = html ? htmlBudget : textBudget;
        BoundedRead read = BoundedRead.of(content, budget);
        byte[] bytes = read.bytes();
        String charset = contentType.param("charset");
        if (html && (charset == null || charset.isBlank())) {
            charset = HtmlCharset.sniff(bytes);
        }
        DecodedText decoded = TextDecoder.decode(bytes, charset);
        problems.add(decoded.problem());
        node.role = role;
        node.content = normalizeNewlines(decoded.text());
        if (html) {
            htmlBudget -= bytes.length;
        } else {
            textBudget -= bytes.length;
        }
        if (read.overflow()) {
            String name = html ? "body.html" : "body.txt";
            problems.add((html ? "HTML" : "text") + " body larger than " + (html ? limits.maxHtmlBytes()
                    : limits.maxTextBytes()) + " bytes; cut, and kept whole as " + name);
            BlobRef blob = put(read.whole(content));
            attachments.add(new ParsedAttachment(name, false, node.mimeType, blob, blob.size(), numbers.current(),
                    null, Disposition.ATTACHMENT, false, AttachmentKind.OVERSIZED_BODY, null));
        }
    }

    private void readReport(PartNode node, InputStream content, String mimeType, HeaderParams disposition,
            String fileName) throws IOException {
        BoundedRead read = BoundedRead.of(content, limits.maxReportBytes());
        reports.add(new ReportPart(mimeType, TextDecoder.decode(read.bytes(), null).text()));
        BlobRef blob = put(read.whole(content));
        addAttachment(node, blob, blob.size(), mimeType, AttachmentKind.REPORT, disposition, fileName, null);
    }

    private void storeAttachment(PartNode node, InputStream content, String mimeType, AttachmentKind kind,
            HeaderParams disposition, String fileName) throws IOException {
        if (kind == AttachmentKind.TNEF) {
            BlobRef blob = put(content);
            addAttachment(node, blob, blob.size(), mimeType, kind, disposition, fileName, null);
            new TnefExtractor(store, limits, problems).extract(blob).forEach(attachments::add);
            return;
        }
        HeadCapture head = kind == AttachmentKind.EMAIL ? new HeadCapture(content, EMBEDDED_HEAD_LIMIT) : null;
        InputStream source = head == null ? content : head;
        Optional<BlobRef> stored = putAtMost(source, limits.inlineAttachmentBytes());
        if (stored.isPresent()) {
            BlobRef blob = stored.get();
            EmbeddedMessage embedded = head == null ? null : EmbeddedHeaders.read(store, blob, limits);
            addAttachment(node, blob, blob.size(), mimeType, kind, disposition, fileName, embedded);
        } else {
            long size = limits.inlineAttachmentBytes() + 1 + source.transferTo(OutputStream.nullOutputStream());
            EmbeddedMessage embedded = head == null ? null
                    : EmbeddedHeaders.read(new ByteArrayInputStream(head.head()), limits);
            addAttachment(node, null, size, mimeType, kind, disposition, fileName, embedded);
        }
    }

    private void addAttachment(PartNode node, BlobRef blob, long size, String mimeType, AttachmentKind kind,
            HeaderParams disposition, String fileName, EmbeddedMessage embedded) {
        int position = attachments.size() + 1;
        String name = fileName != null ? fileName
                : AttachmentNames.described(decodedHeader(node, "Content-Description"), embedded, mimeType);
        boolean generated = name == null;
        if (generated) {
            name = AttachmentNames.generated(position, mimeType);
        }
        node.role = PartNode.Role.ATTACHMENT;
        node.attachmentIndex = attachments.size();
        attachments.add(new ParsedAttachment(name, generated, mimeType, blob, size, numbers.current(),
                ContentIds.normalize(node.header("Content-ID")), dispositionOf(disposition), false, kind, embedded));
    }

    private static String decodedHeader(PartNode node, String name) {
        String value = node.header(name);
        return value == null ? null : EncodedWords.decode(value);
    }

    private static Disposition dispositionOf(HeaderParams disposition) {
        return switch (disposition.value()) {
            case "inline" -> Disposition.INLINE;
            case "attachment" -> Disposition.ATTACHMENT;
            default -> Disposition.NONE;
        };
    }

    private BlobRef put(InputStream content) {
        return putAtMost(content, Long.MAX_VALUE).orElseThrow();
    }

    /** A failure of the store (not of the message) must end parsing: {@link StorageFailure} carries it out. */
    private Optional<BlobRef> putAtMost(InputStream content, long maxBytes) {
        try {
            return store.putAtMost(content, maxBytes);
        } catch (IOException e) {
            throw new StorageFailure(e);
        }
    }

    static String normalizeNewlines(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
