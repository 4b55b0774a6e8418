package dev.mailroom.acceptance;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic service-desk mail for the ingest benchmark, written as raw RFC 5322 bytes (no MimeMessage, so
 * generating is not what the benchmark measures). The same seed and count give the same bytes.
 *
 * <p>Mix: about 5 KB of text (half of them text plus HTML as {@code multipart/alternative}); 10 % of the personal mail
 * carries a 200 KB attachment; 20 % are replies to an earlier request (its requester, {@code Re: } its subject,
 * {@code In-Reply-To} and {@code References} its Message-ID); 5 % are out-of-office answers
 * ({@code Auto-Submitted: auto-replied}); 3 % come from {@link #IGNORED_DOMAIN}, which the benchmark puts on the
 * incoming server's Ignore list. Every new request has a requester of its own, so the loop breaker (20 emails per
 * sender in 10 minutes) never trips.
 *
 * <p>{@link #shaped} gives one email of a chosen {@link Shape} outside that mix, for the micro-benchmarks.
 */
public final class BenchmarkEmails {

    enum Kind { REQUEST, REPLY, AUTO_REPLY, IGNORED_SENDER }

    /** The emails a micro-benchmark asks for by name. */
    public enum Shape {
        /** A new request, about 5 KB of text and the same as HTML ({@code multipart/alternative}). */
        TEXT_AND_HTML,
        /** The same with a 200 KB attachment ({@code multipart/mixed}, base64). */
        ATTACHMENT_200KB,
        /** A requester's answer to the desk's acknowledgment, quoting it and their own request (text and HTML). */
        REPLY_WITH_HISTORY
    }

    public static final String IGNORED_DOMAIN = "newsletter.test";
    static final int ATTACHMENT_BYTES = 200 * 1024;
    static final int BODY_BYTES = 5000;

    private static final String[] SUBJECTS = {"Cannot log in to VPN", "Printer on 3rd floor jams",
        "Outlook keeps asking for password", "Request: new laptop for onboarding", "Password reset for SAP",
        "Wi-Fi drops in meeting room B", "Shared drive S: not mapped", "Teams camera not detected",
        "Access to finance folder", "Phone extension forwarding", "Monitor flickering",
        "Software install request: Visio", "Email bounced from partner domain", "MFA token lost",
        "Slow laptop after update", "Account locked out", "Need license for Adobe Acrobat",
        "Calendar sync broken on phone", "Badge reader at entrance", "Backup restore request"};
    private static final String[] WORDS = ("the a to and of it is in for on with my our this that after before since "
            + "when not can cannot error again please help today yesterday morning laptop server login password network "
            + "printer screen update restart ticket user account access folder email phone issue problem still working "
            + "broken slow urgent colleague office meeting version windows client install reinstall tried already "
            + "message shows attached log").split(" ");
    private static final String[] FIRST = {"anna", "ben", "carla", "dave", "eve", "frank", "gina", "hugo", "ivy", "jon",
        "kim", "lea", "mike", "nina", "omar", "paul", "quinn", "rosa", "sam", "tina"};
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);

    private record Request(String from, String subject, String messageId) {
    }

    private final Random random;
    private final String to;
    private final List<Request> requests = new ArrayList<>();
    private final Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
    private final byte[] attachment;
    private final ZonedDateTime start = ZonedDateTime.of(2026, 11, 2, 8, 0, 0, 0, ZoneOffset.UTC);
    private int sequence;
    private int withAttachment;

    public BenchmarkEmails(long seed, String to) {
        this.random = new Random(seed);
        this.to = to;
        this.attachment = new byte[ATTACHMENT_BYTES];
        new Random(seed ^ 0x5eed).nextBytes(attachment);
        for (Kind kind : Kind.values()) {
            counts.put(kind, 0);
        }
    }

    Map<Kind, Integer> counts() {
        return counts;
    }

    int withAttachment() {
        return withAttachment;
    }

    /** The next email of the sequence. */
    public byte[] next() {
        int n = ++sequence;
        double draw = random.nextDouble();
        Kind kind = draw < 0.03 ? Kind.IGNORED_SENDER
                : draw < 0.08 ? Kind.AUTO_REPLY
                : draw < 0.28 && !requests.isEmpty() ? Kind.REPLY
                : Kind.REQUEST;
        counts.merge(kind, 1, Integer::sum);
        String messageId = "<bench." + n + "." + Long.toHexString(random.nextLong()) + "@customer.test>";
        StringBuilder mail = new StringBuilder(BODY_BYTES + 2048);
        String subject;
        String from;
        switch (kind) {
            case REQUEST -> {
                String first = FIRST[random.nextInt(FIRST.length)];
                from = cap(first) + " Requester <" + first + "." + n + "@customer" + (n % 50) + ".test>";
                subject = SUBJECTS[random.nextInt(SUBJECTS.length)] + " (" + n + ")";
                requests.add(new Request(from, subject, messageId));
            }
            case REPLY -> {
                Request earlier = requests.get(random.nextInt(requests.size()));
                from = earlier.from();
                subject = "Re: " + earlier.subject();
                mail.append("In-Reply-To: ").append(earlier.messageId()).append("\r\n");
                mail.append("References: ").append(earlier.messageId()).append("\r\n");
            }
            case AUTO_REPLY -> {
                from = "Out of Office <ooo." + n + "@partner" + (n % 20) + ".test>";
                subject = "Automatic reply: " + SUBJECTS[random.nextInt(SUBJECTS.length)];
                mail.append("Auto-Submitted: auto-replied\r\n");
                mail.append("X-Auto-Response-Suppress: All\r\n");
            }
            default -> {
                from = "Newsletter <news." + n + "@" + IGNORED_DOMAIN + ">";
                subject = "Our November offers #" + n;
            }
        }
        mail.insert(0, headers(messageId, n, from, subject));
        String text = paragraph(BODY_BYTES * 3 / 5);
        boolean html = random.nextBoolean();
        boolean attach = (kind == Kind.REQUEST || kind == Kind.REPLY) && random.nextDouble() < 0.10 / 0.92;
        String body = html ? alternative(text, "alt" + n) : textPart(text + "\r\n\r\n" + paragraph(BODY_BYTES * 2 / 5));
        if (attach) {
            withAttachment++;
            appendWithAttachment(mail, body, n);
        } else {
            mail.append(body);
        }
        return mail.toString().getBytes(StandardCharsets.UTF_8);
    }

    private String headers(String messageId, int n, String from, String subject) {
        return "Message-ID: " + messageId + "\r\n"
                + "Date: " + DATE.format(start.plusSeconds(n * 7L)) + "\r\n"
                + "From: " + from + "\r\n"
                + "To: IT Service Desk <" + to + ">\r\n"
                + "Subject: " + subject + "\r\n"
                + "MIME-Version: 1.0\r\n";
    }

    /** The body and a 200 KB file as {@code multipart/mixed}. */
    private void appendWithAttachment(StringBuilder mail, String body, int n) {
        String boundary = "mixed" + n;
        mail.append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n\r\n")
                .append("--").append(boundary).append("\r\n").append(body).append("\r\n")
                .append("--").append(boundary).append("\r\n")
                .append("Content-Type: application/octet-stream; name=\"diagnostics-").append(n).append(".zip\"\r\n")
                .append("Content-Disposition: attachment; filename=\"diagnostics-").append(n).append(".zip\"\r\n")
                .append("Content-Transfer-Encoding: base64\r\n\r\n")
                .append(Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).encodeToString(attachmentFor(n)))
                .append("\r\n--").append(boundary).append("--\r\n");
    }

    /** One email of the given shape, each with a Message-ID and requester of its own; not counted in the mix. */
    public byte[] shaped(Shape shape) {
        int n = ++sequence;
        String first = FIRST[random.nextInt(FIRST.length)];
        String from = cap(first) + " Requester <" + first + "." + n + "@customer" + (n % 50) + ".test>";
        String subject = SUBJECTS[random.nextInt(SUBJECTS.length)] + " (" + n + ")";
        String messageId = "<bench." + n + "." + Long.toHexString(random.nextLong()) + "@customer.test>";
        StringBuilder mail = new StringBuilder(BODY_BYTES + 2048);
        String body;
        if (shape == Shape.REPLY_WITH_HISTORY) {
            String requestId = "<bench." + n + ".request@customer.test>";
            String acknowledgmentId = "<INC-" + n + ".ack@mailroom.local>";
            subject = "Re: [INC-" + n + "] " + subject;
            mail.append("In-Reply-To: ").append(acknowledgmentId).append("\r\n")
                    .append("References: ").append(requestId).append(' ').append(acknowledgmentId).append("\r\n");
            body = replyWithHistory(from, n);
        } else {
            body = alternative(paragraph(BODY_BYTES * 3 / 5), "alt" + n);
        }
        mail.insert(0, headers(messageId, n, from, subject));
        if (shape == Shape.ATTACHMENT_200KB) {
            appendWithAttachment(mail, body, n);
        } else {
            mail.append(body);
        }
        return mail.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A short answer above the quoted history, as mail clients write it: in the text, "On … wrote:" and lines
     * quoted with {@code >} (the acknowledgment, and within it the request); in the HTML, nested blockquotes.
     */
    private String replyWithHistory(String from, int n) {
        String answer = paragraph(BODY_BYTES / 5);
        String acknowledgment = "Thank you for contacting the IT Service Desk. Your request INC-" + n
                + " has been logged and a technician will get back to you shortly.\r\n" + paragraph(BODY_BYTES / 10);
        String request = paragraph(BODY_BYTES * 2 / 5);
        String desk = "IT Service Desk <" + to + ">";
        String date = DATE.format(start.plusSeconds(n * 7L - 3600));
        String text = answer + "\r\n\r\nOn " + date + ", " + desk + " wrote:\r\n" + quoted(acknowledgment + "\r\n\r\nOn "
                + date + ", " + from + " wrote:\r\n" + quoted(request));
        String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"><style>"
                + "p.MsoNormal{margin:0cm;font-size:11pt;font-family:Calibri,sans-serif}</style></head><body>"
                + "<div><p class=\"MsoNormal\" style=\"color:#1f3864\">" + answer.replace("\r\n", " ") + "</p>"
                + "<table style=\"border-collapse:collapse\"><tr><td><img src=\"cid:logo." + n + "@customer.test\" "
                + "width=\"64\" height=\"64\" alt=\"Logo\"></td><td><b>" + escape(from) + "</b><br>"
                + "<a href=\"https://customer.test/\">customer.test</a> | <font color=\"#888888\">+41 44 000 00 00</font>"
                + "</td></tr></table><img src=\"http://tracking.customer.test/open.gif?id=" + n + "\" width=\"1\" height=\"1\">"
                + "</div><div class=\"gmail_quote\">"
                + "<div class=\"gmail_attr\">On " + date + ", " + escape(desk) + " wrote:</div>"
                + "<blockquote class=\"gmail_quote\" style=\"margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex\">"
                + "<p>" + acknowledgment.replace("\r\n", " ") + "</p><div>On " + date + ", " + escape(from) + " wrote:</div>"
                + "<blockquote class=\"gmail_quote\"><p>" + request.replace("\r\n", " ") + "</p></blockquote>"
                + "</blockquote></div></body></html>";
        return alternative(text, html, "alt" + n);
    }

    private static String quoted(String text) {
        return "> " + text.replace("\r\n", "\r\n> ").replace("> > ", ">> ");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The same random bytes, made unique per email so the content-addressed blob store cannot share them. */
    private byte[] attachmentFor(int n) {
        byte[] copy = attachment.clone();
        for (int i = 0; i < 4; i++) {
            copy[i] = (byte) (n >>> (8 * i));
        }
        return copy;
    }

    private String alternative(String text, String boundary) {
        return alternative(text, "<html><body><p>" + text.replace("\r\n\r\n", "</p><p>").replace("\r\n", " ")
                + "</p><p>Kind regards,<br><b>Requester</b></p></body></html>", boundary);
    }

    private static String alternative(String text, String html, String boundary) {
        return "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n"
                + "--" + boundary + "\r\n" + textPart(text)
                + "\r\n--" + boundary + "\r\n"
                + htmlPart(html)
                + "\r\n--" + boundary + "--\r\n";
    }

    private static String textPart(String text) {
        return "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\n" + text + "\r\n";
    }

    private static String htmlPart(String html) {
        return "Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\n" + html;
    }

    private String paragraph(int bytes) {
        StringBuilder out = new StringBuilder(bytes + 100);
        int line = 0;
        while (out.length() < bytes) {
            int words = 6 + random.nextInt(11);
            for (int i = 0; i < words; i++) {
                String word = WORDS[random.nextInt(WORDS.length)];
                if (i == 0) {
                    word = cap(word);
                }
                if (line + word.length() + 1 > 72) {
                    out.append("\r\n");
                    line = 0;
                } else if (line > 0) {
                    out.append(' ');
                    line++;
                }
                out.append(word);
                line += word.length();
            }
            out.append('.');
            line++;
        }
        return out.toString();
    }

    private static String cap(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
