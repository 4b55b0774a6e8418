package dev.mailroom.intake.bounces;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One recipient a bounce failed for, with what the report says: the enhanced status code (RFC 3463), the remote
 * server's SMTP reply code and its answer. Fields the report leaves out are null.
 *
 * @param address    the recipient address
 * @param action     the delivery status report's action (failed, delayed …), null for a plain-text bounce
 * @param status     the enhanced status code such as {@code 5.1.1}, from the report or found in the answer
 * @param smtpCode   the remote server's reply code such as {@code 550}, found in the answer
 * @param diagnostic the remote server's answer, or the bounce's text about this recipient
 * @param source     where the recipient was found: {@code delivery status report}, {@code X-Failed-Recipients},
 *                   {@code plain text}
 */
public record FailedRecipient(String address, String action, String status, Integer smtpCode, String diagnostic,
        String source) {

    private static final Pattern STATUS = Pattern.compile("(?<![\\d.])([245])\\.(\\d{1,3})\\.(\\d{1,3})(?![\\d.])");
    private static final Pattern SMTP_CODE = Pattern.compile("(?<![\\d.#-])([245][0-5]\\d)(?=[ :-])");

    /** Fills the status and reply code from the answer when the report does not give them. */
    public static FailedRecipient of(String address, String action, String status, String diagnostic, String source) {
        String answer = diagnostic == null || diagnostic.isBlank() ? null : diagnostic.strip();
        String code = status == null || status.isBlank() ? statusIn(answer) : status.strip();
        return new FailedRecipient(address, action, code, smtpCodeIn(answer), answer, source);
    }

    static String statusIn(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = STATUS.matcher(text);
        return matcher.find() ? matcher.group() : null;
    }

    static Integer smtpCodeIn(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = SMTP_CODE.matcher(text);
        return matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
    }

    /** "x@example.com: failed (5.1.1) 550 5.1.1 user unknown", for notes and audit messages. */
    public String describe() {
        StringBuilder text = new StringBuilder(address);
        text.append(": ").append(action == null ? "failed" : action);
        if (status != null) {
            text.append(" (").append(status).append(')');
        }
        if (diagnostic != null) {
            text.append(' ').append(diagnostic.length() > 500 ? diagnostic.substring(0, 500) + "…" : diagnostic);
        }
        return text.toString();
    }
}
