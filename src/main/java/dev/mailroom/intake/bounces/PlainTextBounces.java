package dev.mailroom.intake.bounces;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The failed recipients of a bounce written for people rather than programs: qmail ("I'm afraid I wasn't able to
 * deliver your message to the following addresses." then {@code <addr>:} paragraphs), Exchange ("Delivery has failed
 * to these recipients or groups:", "did not reach the following recipient(s):"), Domino ("Your message … was not
 * delivered to: …"), GroupWise, AOL, and the text parts of Postfix, Exim and Sendmail. Rather than one pattern per
 * server, it reads the report part of the text (up to the copy of the returned message) and takes each address
 * there with the words around it: the same line, and the lines after it up to a blank line or the next address —
 * which is where every one of these servers puts the reason ("552 5.2.2 mailbox full", "The recipient name is not
 * recognized", "This account is over quota").
 */
public final class PlainTextBounces {

    static final int MAX_RECIPIENTS = 100;
    private static final int MAX_REPORT_CHARS = 30_000;
    private static final int MAX_REASON_CHARS = 600;

    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@"
                    + "(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z]{2,}(?![A-Za-z0-9-])");
    /** Where the copy of the returned message begins; nothing after it is the report. */
    private static final Pattern RETURNED_MESSAGE = Pattern.compile("(?i)^\\s*(?:"
            + "-+\\s*(?:below this line is a copy|original message|this is a copy|the original message|returned message"
            + "|undelivered message|start of returned|message headers follow|unsent message|forwarded message)"
            + "|(?:original message follows|a copy of the original message|original message as received"
            + "|the original message (is |was )?(attached|below|follows|included|as follows)|original message headers"
            + "|returned message follows|unsent message below|your message reads"
            + "|\\[?message (was )?(returned|attached)|attached is a copy|the text of your message)"
            + "|(?:return-path|received|dkim-signature|x-received|arc-seal)\\s*:"
            + "|>\\s*(?:return-path|received)\\s*:)");
    /** Lines that quote the returned message's own headers or the session's sender: their addresses did not fail. */
    private static final Pattern HEADER_LINE = Pattern.compile("(?i)^\\s*>?\\s*(?:to|from|cc|bcc|subject|sent|date"
            + "|reply-to|sender|message-id|in-reply-to|references|errors-to|x-[a-z0-9-]+|return-path|envelope-from"
            + "|original-sender|reporting-mta)\\s*:");
    private static final Pattern SENDER_MENTION = Pattern.compile("(?i)mail from|please (reply|contact|write)|reply to"
            + "|from:?\\s*<|contact (your|the) (postmaster|administrator)|sender|envelope-from|return-path");
    private static final Pattern SCREEN_NAME = Pattern.compile("\\s+([A-Za-z][A-Za-z0-9._-]{2,31})\\s*");
    private static final Set<String> SERVICE_LOCAL_PARTS = Set.of("postmaster", "mailer-daemon", "mailerdaemon",
            "abuse", "hostmaster", "root", "noreply", "no-reply", "double-bounce");

    private PlainTextBounces() {
    }

    /**
     * The recipients a plain-text bounce names, each with the text about it; none of {@code notRecipients} (the
     * bounce's own From, To and Cc: the desk, the reporting server).
     */
    public static List<FailedRecipient> find(String text, Set<String> notRecipients) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> lines = reportLines(text);
        Map<String, FailedRecipient> found = new LinkedHashMap<>();
        for (int i = 0; i < lines.size() && found.size() < MAX_RECIPIENTS; i++) {
            String line = lines.get(i);
            if (HEADER_LINE.matcher(line).find()) {
                continue;
            }
            Matcher matcher = ADDRESS.matcher(line);
            while (matcher.find()) {
                String address = clean(matcher.group());
                String key = address.toLowerCase(Locale.ROOT);
                String before = line.substring(0, matcher.start());
                if (found.containsKey(key) || notRecipients.contains(key) || service(key)
                        || SENDER_MENTION.matcher(before).find()) {
                    continue;
                }
                String reason = reason(lines, i, matcher.start(), matcher.end(), key);
                found.put(key, FailedRecipient.of(address, null, null, reason, "plain text"));
            }
        }
        return List.copyOf(found.values());
    }

    /**
     * AOL names its own members by screen name alone ("Your mail to the following recipients could not be delivered
     * because they are not accepting mail from …:" then an indented {@code screenname}): from AOL's own mail
     * server, such a bare name is {@code screenname@aol.com}, and the paragraph before the names is the reason.
     */
    public static List<FailedRecipient> aolScreenNames(String text, String reportingDomain) {
        if (text == null || reportingDomain == null || !reportingDomain.toLowerCase(Locale.ROOT).equals("aol.com")) {
            return List.of();
        }
        List<String> lines = reportLines(text);
        StringBuilder intro = new StringBuilder();
        List<FailedRecipient> found = new ArrayList<>();
        boolean listing = false;
        for (String line : lines) {
            if (!listing) {
                if (line.isBlank()) {
                    intro.setLength(0);
                    continue;
                }
                append(intro, line);
                listing = intro.toString().endsWith(":") && intro.toString().toLowerCase(Locale.ROOT).contains("recipient");
                continue;
            }
            Matcher name = SCREEN_NAME.matcher(line);
            if (name.matches() && found.size() < MAX_RECIPIENTS) {
                found.add(FailedRecipient.of(name.group(1) + "@aol.com", null, null, intro.toString(), "plain text"));
            } else if (!line.isBlank()) {
                break;
            }
        }
        return List.copyOf(found);
    }

    private static List<String> reportLines(String text) {
        String report = text.length() > MAX_REPORT_CHARS ? text.substring(0, MAX_REPORT_CHARS) : text;
        List<String> lines = new ArrayList<>();
        for (String line : report.replace("\r\n", "\n").replace('\r', '\n').split("\n")) {
            if (RETURNED_MESSAGE.matcher(line).find()) {
                break;
            }
            lines.add(line);
        }
        return lines;
    }

    /**
     * The words about the address on line {@code index}: its own line (without the address), then the following
     * lines up to a blank line or a line naming another address; when that says little or ends in a colon
     * ("for the following reason:"), the next paragraph too.
     */
    private static String reason(List<String> lines, int index, int start, int end, String key) {
        StringBuilder reason = new StringBuilder();
        String line = lines.get(index);
        String around = strip(line.substring(0, start)) + " " + strip(line.substring(end));
        if (!around.isBlank() && !around.matches("[<>:;,.()\\[\\]\"'\\s-]*")) {
            append(reason, line); // "Sorry, your message to x@example.com cannot be delivered": the sentence as written
        }
        int i = index + 1;
        int blanks = 0;
        while (i < lines.size() && reason.length() < MAX_REASON_CHARS) {
            String next = lines.get(i);
            if (next.isBlank()) {
                if (blanks++ >= 3 || !saysLittle(reason)) {
                    break;
                }
                i++;
                continue;
            }
            if ((namesAnotherAddress(next, key) && !reason.toString().strip().endsWith(":"))
                    || HEADER_LINE.matcher(next).find()) {
                break;
            }
            append(reason, next);
            i++;
        }
        String text = reason.toString().strip();
        if (text.length() > MAX_REASON_CHARS) {
            text = text.substring(0, MAX_REASON_CHARS) + "…";
        }
        return text.replaceAll("^[:;,.>\\s-]+", "").strip();
    }

    private static boolean saysLittle(StringBuilder reason) {
        String text = reason.toString().strip();
        return text.replaceAll("[^A-Za-z0-9]", "").length() < 12 || text.endsWith(":");
    }

    private static boolean namesAnotherAddress(String line, String key) {
        Matcher matcher = ADDRESS.matcher(line);
        while (matcher.find()) {
            String other = clean(matcher.group()).toLowerCase(Locale.ROOT);
            if (!other.equals(key) && !service(other)) {
                return true;
            }
        }
        return false;
    }

    private static void append(StringBuilder reason, String part) {
        String text = part.strip().replaceAll("\\s+", " ");
        if (text.isEmpty() || text.matches("[<>:;,.()\\[\\]\"'\\s-]*")) {
            return;
        }
        if (!reason.isEmpty()) {
            reason.append(' ');
        }
        reason.append(text);
    }

    private static String strip(String part) {
        return part.replaceAll("^[\\s<>:\"'(),;]+|[\\s<>:\"'(),;]+$", "");
    }

    /** Exchange's X.400 form {@code dda:SMTP=someone@example.com}: the address is after the {@code =}. */
    private static String clean(String address) {
        String value = address;
        int smtp = value.toLowerCase(Locale.ROOT).lastIndexOf("smtp=");
        if (smtp >= 0) {
            value = value.substring(smtp + 5);
        }
        return value.replaceAll("^[.'=]+", "");
    }

    private static boolean service(String key) {
        String local = key.substring(0, key.indexOf('@'));
        return SERVICE_LOCAL_PARTS.contains(local);
    }
}
