package dev.mailroom.intake.parse;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.mailroom.sanitize.MailHtml;
import dev.mailroom.storage.BlobStore;

/**
 * Parses a raw email once into a {@link ParsedEmail}. The message is read in one streaming pass; attachments go to
 * the blob store as they are read (those above {@link ParseLimits#inlineAttachmentBytes()} are only measured), so
 * memory stays bounded whatever the message size. Malformed input never
 * throws: the parser reads what it can and lists what was wrong in {@link ParsedEmail#parseProblems()}.
 */
@Component
public class EmailParser {

    private static final List<String> ADDRESS_HEADERS = List.of(
            "From", "Sender", "Reply-To", "To", "Cc", "Bcc", "Delivered-To", "X-Original-To", "Envelope-To");

    private final BlobStore store;
    private final ParseLimits limits;

    /** A parser that stores every attachment while parsing. */
    public EmailParser(BlobStore store) {
        this(store, ParseLimits.DEFAULT);
    }

    @Autowired
    public EmailParser(BlobStore store, ParseLimits limits) {
        this.store = store;
        this.limits = limits;
    }

    /**
     * Reads the raw message to its end (the stream is not closed).
     *
     * @throws IOException only when reading the raw message or writing to the blob store fails
     */
    public ParsedEmail parse(InputStream raw) throws IOException {
        Problems problems = new Problems();
        MimeTree tree = new MimeWalker(store, limits, problems).walk(raw);
        List<Header> rawHeaders = withCharsetOfText(tree.root(), problems);

        EmailHeaders headers = new EmailHeaders(rawHeaders.stream()
                .map(h -> new Header(h.name(), EncodedWords.decode(h.value())))
                .toList());
        AddressHeaders addresses = addresses(rawHeaders, problems);
        String subject = headers.first("Subject").orElse("");
        String messageId = MessageIdReader.first(RawHeaders.first(rawHeaders, "Message-ID"));
        if (messageId == null) {
            problems.add("no Message-ID");
        }
        String inReplyTo = MessageIdReader.first(RawHeaders.first(rawHeaders, "In-Reply-To"));
        List<String> references = MessageIdReader.all(RawHeaders.first(rawHeaders, "References"));
        String dateHeader = RawHeaders.first(rawHeaders, "Date");
        var date = LenientDates.parse(dateHeader);
        if (dateHeader != null && date == null) {
            problems.add("unparseable Date: " + dateHeader);
        }

        EmailBody body = body(tree, problems);
        List<ParsedAttachment> attachments = markInline(tree.attachments(), body.html());
        MailSignals signals = safely(problems, "classification", () -> MailClassifier.classify(
                new MailClassifier.Input(headers, addresses, subject, tree.reports(), attachments, body.text())),
                () -> MailSignals.NONE);
        ForwardedMessage forwarded = safely(problems, "forward detection",
                () -> ForwardDetector.detect(subject, body.text(), attachments), () -> null);
        DeliveryReport deliveryReport = signals.kind() != MailKind.BOUNCE ? DeliveryReport.NONE
                : safely(problems, "delivery report", () -> DeliveryReportReader.read(headers, tree.reports(),
                        attachments, body.text()), () -> DeliveryReport.NONE);
        return new ParsedEmail(headers, messageId, inReplyTo, references, date, subject, addresses, body,
                attachments, signals, forwarded, deliveryReport, problems.list());
    }

    /**
     * Unlabelled 8-bit header bytes that are not UTF-8 are read as windows-1252 first; when the message's text
     * declares a charset that reads them cleanly (GB2312, Shift_JIS, KOI8-R …), that charset is what the sender used.
     */
    private static List<Header> withCharsetOfText(PartNode root, Problems problems) {
        List<Header> headers = new ArrayList<>(root.headers);
        if (root.windows1252Headers.isEmpty()) {
            return headers;
        }
        String charset = firstTextCharset(root);
        for (int i = root.windows1252Headers.nextSetBit(0); i >= 0; i = root.windows1252Headers.nextSetBit(i + 1)) {
            Header header = headers.get(i);
            String redecoded = charset == null ? null : TextDecoder.redecodeWindows1252(header.value(), charset);
            if (redecoded != null) {
                headers.set(i, new Header(header.name(), redecoded));
                problems.add("unencoded 8-bit " + header.name() + " header read as " + charset + ", the charset of the text");
            } else {
                problems.add("unencoded 8-bit " + header.name() + " header read as windows-1252");
            }
        }
        return headers;
    }

    private static String firstTextCharset(PartNode node) {
        if (node.role == PartNode.Role.TEXT || node.role == PartNode.Role.HTML) {
            String charset = HeaderParams.parse(node.header("Content-Type")).param("charset");
            String name = charset == null ? "" : charset.strip().toLowerCase(Locale.ROOT);
            // Latin-1 and its kin decode any bytes, so they say nothing about what the headers were written in.
            boolean telling = !name.isEmpty() && !name.equals("us-ascii") && !name.startsWith("utf")
                    && !name.equals("iso-8859-1") && !name.equals("windows-1252") && !name.equals("iso-8859-15");
            return telling ? charset.strip() : null;
        }
        for (PartNode child : node.children) {
            String charset = firstTextCharset(child);
            if (charset != null) {
                return charset;
            }
        }
        return null;
    }

    private AddressHeaders addresses(List<Header> rawHeaders, Problems problems) {
        Map<String, List<EmailAddress>> parsed = new LinkedHashMap<>();
        for (String name : ADDRESS_HEADERS) {
            Map<String, EmailAddress> unique = new LinkedHashMap<>();
            for (Header header : rawHeaders) {
                if (header.name().equalsIgnoreCase(name)) {
                    List<EmailAddress> found = AddressListParser.parse(header.value());
                    if (found.isEmpty() && !header.value().isBlank() && !header.value().contains(":;")
                            && !header.value().replaceAll("\\s", "").endsWith("<>")) {
                        problems.add(name + " header has no readable address: " + header.value());
                    }
                    found.forEach(a -> unique.putIfAbsent(a.address(), a));
                }
            }
            parsed.put(name, new ArrayList<>(unique.values()));
        }
        if (RawHeaders.first(rawHeaders, "From") == null) {
            problems.add("no From header");
        }
        List<EmailAddress> sender = parsed.get("Sender");
        return new AddressHeaders(parsed.get("From"), sender.isEmpty() ? null : sender.get(0), parsed.get("Reply-To"),
                parsed.get("To"), parsed.get("Cc"), parsed.get("Bcc"), parsed.get("Delivered-To"),
                parsed.get("X-Original-To"), parsed.get("Envelope-To"));
    }

    private EmailBody body(MimeTree tree, Problems problems) {
        BodyAssembler.Bodies bodies = safely(problems, "body assembly",
                () -> new BodyAssembler(problems).assemble(tree.root()), () -> BodyAssembler.Bodies.NONE);
        String html = bodies.html();
        String text = bodies.text();
        TextOrigin origin = TextOrigin.TEXT_PART;
        if (text == null && html != null) {
            text = safely(problems, "HTML to text", () -> MailHtml.toText(html), () -> "");
            origin = TextOrigin.FROM_HTML;
        } else if (text == null) {
            text = "";
            origin = TextOrigin.NONE;
        }
        if (text.isBlank() && html == null) {
            origin = TextOrigin.NONE;
        }
        String fullText = text;
        String sanitized = html == null ? null : safely(problems, "HTML sanitizing", () -> MailHtml.sanitize(html), () -> "");
        String htmlWithoutHistory = html == null ? null
                : safely(problems, "HTML quote removal", () -> HtmlQuotes.withoutHistory(html), () -> html);
        String newHtml = htmlWithoutHistory == null ? null
                : safely(problems, "HTML sanitizing", () -> MailHtml.sanitize(htmlWithoutHistory), () -> sanitized);
        // Text made from HTML has lost the markup that shows where the quote starts; the HTML knows better.
        String replySource = origin == TextOrigin.FROM_HTML && htmlWithoutHistory != null
                ? safely(problems, "HTML to text", () -> MailHtml.toText(htmlWithoutHistory), () -> fullText)
                : fullText;
        ReplyParts reply = safely(problems, "reply separation", () -> ReplySplitter.split(replySource),
                () -> new ReplyParts(replySource, ""));
        String quoted = reply.quotedText();
        if (!replySource.equals(fullText) && fullText.startsWith(reply.newText())) {
            quoted = fullText.substring(reply.newText().length()).strip();
        }
        return new EmailBody(text, html, sanitized, reply.newText(), quoted, newHtml, origin);
    }

    private static List<ParsedAttachment> markInline(List<ParsedAttachment> attachments, String html) {
        Set<String> referenced = ContentIds.referencedBy(html);
        if (referenced.isEmpty()) {
            return attachments;
        }
        return attachments.stream()
                .map(a -> a.contentId() != null && referenced.contains(a.contentId().toLowerCase(Locale.ROOT))
                        ? a.withInline(true) : a)
                .toList();
    }

    /** Derived values are conveniences: a failure in one is noted and replaced, never allowed to lose the email. */
    private static <T> T safely(Problems problems, String step, Supplier<T> work, Supplier<T> fallback) {
        try {
            return work.get();
        } catch (RuntimeException | StackOverflowError e) {
            problems.add(step + " failed (" + e.getClass().getSimpleName() + "); skipped");
            return fallback.get();
        }
    }
}
