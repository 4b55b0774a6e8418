package dev.mailroom.intake.parse;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides from headers, MIME structure and wording whether a message is a bounce, a delay warning, a delivery or
 * read report, an abuse complaint, a challenge-response request ({@link ChallengeResponses}), an automatic reply
 * (headers, or an out-of-office subject in {@link AutoReplySubjects}) or list mail, and says why. Standard signals (RFC 3464 reports,
 * RFC 3834 Auto-Submitted, RFC 2369 List-*) come first; for the many mail servers that send plain-text bounces, a
 * mail-system sender or failure subject must agree with failure wording in the body or a returned message.
 */
final class MailClassifier {

    private static final Pattern DAEMON_ADDRESS = Pattern.compile(
            "(?i)^(mailer[-_.]?daemon|mail[-_.]?daemon|post[-_.]?master|mail[-_.]?service|mailadmin|"
                    + "mail[-_.]?delivery[-_.a-z]*|mmdf|smtp[-_.]?gateway|bounces?|mdaemon|nobody)\\b.*");
    private static final Pattern DAEMON_NAME = Pattern.compile(
            "(?i).*(mail delivery (system|subsystem|service)|mailer[-_ ]daemon|postmaster|mail administrator|"
                    + "system administrator|mail system|ndr administrator|e-?mail delivery).*");
    private static final Pattern FAILURE_SUBJECT = Pattern.compile(
            "(?iu).*(undeliver|undelivered|delivery status notification|delivery (failure|failed|problem|report|"
                    + "notification|error)|non[- ]?delivery|mail delivery (failed|failure|system)|returned mail|"
                    + "returned to sender|failure notice|could not be delivered|couldn't be delivered|not delivered|"
                    + "mail system error|rejected|unzustellbar|nicht zustellbar|non remis|no entregado|"
                    + "mail could not|error during delivery|delivery has failed|delayed mail|delivery delayed|"
                    + "message delayed|mail delivery warning|has not yet been delivered|could not send message|"
                    + "unable to deliver|invalid (user|address|recipient)|mailbox (full|unavailable)|"
                    + "errors? (sending|delivering)|^error$|^mail$|nondeliverable|warning: message|mail failure|"
                    + "failed mail|failure delivery|mail failed|returning to sender|не доставлено|"
                    + "メールエラー|配信エラー|不達).*");
    private static final Pattern FAILURE_TEXT = Pattern.compile(
            "(?iu)(could not be delivered|couldn't be delivered|was not delivered|wasn't delivered|undeliverable|"
                    + "delivery (has )?failed|delivery to the following recipients? (failed|was unsuccessful)|"
                    + "permanent (error|failure|fatal)|user unknown|unknown user|no such (user|mailbox|recipient|"
                    + "address)|mailbox (unavailable|not found|is full|full|does not exist)|address rejected|"
                    + "failed recipient|unable to deliver|could not deliver|delivery problems|returned mail|"
                    + "message could not|undelivered mail|\\b[45]\\.\\d{1,3}\\.\\d{1,3}\\b|\\b5[05][0-9][ -]|"
                    + "over quota|quota exceeded|host unknown|domain not found|this is the mail system|"
                    + "following addresses? had|delivery status notification|nicht zugestellt|invalid user|"
                    + "not a member|as their mailbox is full|not be delivered|delivery error|unzustellbar|"
                    + "unknown (local|recipient|address)|not (be )?delivered)");
    private static final Pattern DELAY_TEXT = Pattern.compile(
            "(?iu)(delayed|still being retried|will (continue|keep) trying|has not yet been delivered|"
                    + "could not send message for past|will be retried|retry (until|for)|"
                    + "warning: message|not yet been delivered|delivery (is )?delayed|temporar|postponed|"
                    + "attempts will continue|will continue to try)");
    private static final Pattern PERMANENT_TEXT = Pattern.compile(
            "(?iu)(permanent|giving up|gave up|permanently|has been returned|not going to try again|"
                    + "in the queue too long|will not be retried)");
    /**
     * Delay warnings whose subject says so on its own ("Delivery Status Notification (Delay)", Exim's "Warning:
     * message 1a2b3c-000 delayed 24 hours", "Delayed Mail (still being retried)"): a mail server reporting, even
     * when it signs with an ordinary-looking address.
     */
    private static final Pattern DELAY_SUBJECT = Pattern.compile(
            "(?iu)^\\s*(delivery status notification \\((mail delivery )?delay(ed)?\\)|warning: message .{0,60}\\bdelayed\\b"
                    + "|delayed mail( \\(still being retried\\))?$|mail delivery delayed|delivery delayed:|"
                    + "message delayed( |:|$)|delivery (notification|report): delay).*");
    private static final Pattern NO = Pattern.compile("(?i)\\s*(no|false|0)\\s*");
    private static final Pattern REPLY_PREFIX = Pattern.compile("(?iu)^\\s*(re|aw|sv|vs|wg|fw|fwd|tr|rv|rif|antw)\\s*:");
    private static final Pattern ACTION = Pattern.compile("(?im)^\\s*action\\s*:\\s*([a-z]+)");
    private static final Pattern STATUS = Pattern.compile("(?im)^\\s*status\\s*:\\s*([245])\\.\\d+\\.\\d+");
    private static final Pattern SES_NOTIFICATION = Pattern.compile(
            "\\\\?\"notificationType\\\\?\"\\s*:\\s*\\\\?\"(Bounce|Complaint|Delivery)\\\\?\"");
    private static final Pattern COMPLAINT_SUBJECT = Pattern.compile(
            "(?iu).*(complaint about message from|abuse report|feedback loop|spam complaint).*");

    private MailClassifier() {
    }

    record Input(EmailHeaders headers, AddressHeaders addresses, String subject, List<ReportPart> reports,
            List<ParsedAttachment> attachments, String text) {
    }

    static MailSignals classify(Input in) {
        HeaderParams contentType = HeaderParams.parse(in.headers().first("Content-Type").orElse(null));
        String reportType = contentType.value().equals("multipart/report")
                ? Optional.ofNullable(contentType.param("report-type")).orElse("").toLowerCase(Locale.ROOT) : "";
        Signal feedback = feedback(in, reportType);
        Signal receipt = reportType.equals("disposition-notification") || hasReport(in, "message/disposition-notification")
                ? Signal.because("read receipt (multipart/report; report-type=disposition-notification)")
                : Signal.ABSENT;
        boolean statusReport = reportType.equals("delivery-status")
                || in.reports().stream().anyMatch(r -> r.mimeType().endsWith("delivery-status"));
        Signal challenge = statusReport ? Signal.ABSENT
                : ChallengeResponses.detect(in.headers(), in.addresses(), in.subject(), in.text());
        // A challenge often reads like a failure ("your message was not delivered; to deliver it, click …"), but the
        // message was received: only a real status report makes it a bounce.
        Signal[] delivery = challenge.present() ? new Signal[] {Signal.ABSENT, Signal.ABSENT, Signal.ABSENT}
                : delivery(in, reportType);
        return new MailSignals(delivery[0], delivery[1], delivery[2], receipt, feedback, challenge, autoReply(in),
                listOrBulk(in.headers()));
    }

    private static Signal feedback(Input in, String reportType) {
        if (reportType.equals("feedback-report") || hasReport(in, "message/feedback-report")) {
            return Signal.because("abuse feedback report (ARF, message/feedback-report)");
        }
        if (sesNotification(in).equals("Complaint")) {
            return Signal.because("Amazon SES complaint notification");
        }
        boolean returnedMessage = in.attachments().stream().anyMatch(a -> a.kind() == AttachmentKind.EMAIL);
        if (returnedMessage && COMPLAINT_SUBJECT.matcher(in.subject()).matches()) {
            return Signal.because("complaint subject \"" + in.subject() + "\" with the reported message attached");
        }
        return Signal.ABSENT;
    }

    /** [bounce, delay warning, delivery report]. */
    private static Signal[] delivery(Input in, String reportType) {
        Optional<ReportPart> status = in.reports().stream()
                .filter(r -> r.mimeType().endsWith("delivery-status")).findFirst();
        if (reportType.equals("delivery-status") || status.isPresent()) {
            return fromStatusReport(status.map(ReportPart::text).orElse(""), in);
        }
        String ses = sesNotification(in);
        if (ses.equals("Bounce")) {
            return bounce("Amazon SES bounce notification");
        }
        if (ses.equals("Delivery")) {
            return new Signal[] {Signal.ABSENT, Signal.ABSENT, Signal.because("Amazon SES delivery notification")};
        }
        Optional<String> failed = in.headers().first("X-Failed-Recipients");
        if (failed.isPresent()) {
            return bounce("X-Failed-Recipients: " + failed.get());
        }
        String subject = in.subject();
        boolean daemon = daemonSender(in);
        boolean replyOrForward = REPLY_PREFIX.matcher(subject).find();
        boolean failureSubject = !replyOrForward && FAILURE_SUBJECT.matcher(subject).matches();
        boolean nullSender = in.headers().values("Return-Path").stream().anyMatch(v -> v.replaceAll("\\s", "").equals("<>"));
        if (!daemon && !failureSubject && !nullSender) {
            // Every kind of evidence below needs one of these; the body's failure wording is costly to look for.
            return new Signal[] {Signal.ABSENT, Signal.ABSENT, Signal.ABSENT};
        }
        String body = head(in.text(), 8000);
        boolean failureText = FAILURE_TEXT.matcher(body).find();
        boolean returnedMessage = in.attachments().stream().anyMatch(a -> a.kind() == AttachmentKind.EMAIL
                || a.contentType().equals("text/rfc822-headers"));
        String evidence = null;
        if (daemon && (failureSubject || failureText || returnedMessage)) {
            evidence = "sender " + senderText(in) + (failureSubject ? " with subject \"" + subject + "\"" : " with failure text");
        } else if (failureSubject && (nullSender || failureText || returnedMessage)) {
            evidence = "subject \"" + subject + "\"" + (nullSender ? " from the null sender <>" : " with failure text");
        } else if (nullSender && failureText && returnedMessage) {
            evidence = "null sender <> with failure text and the returned message";
        }
        if (evidence == null && failureSubject && DELAY_SUBJECT.matcher(subject).matches()) {
            return new Signal[] {Signal.ABSENT, Signal.because("delivery delayed: subject \"" + subject + "\""),
                    Signal.ABSENT};
        }
        if (evidence == null) {
            return new Signal[] {Signal.ABSENT, Signal.ABSENT, Signal.ABSENT};
        }
        String wording = subject + "\n" + body;
        if (DELAY_TEXT.matcher(wording).find() && !PERMANENT_TEXT.matcher(wording).find()) {
            return new Signal[] {Signal.ABSENT, Signal.because("delivery delayed: " + evidence), Signal.ABSENT};
        }
        return bounce("delivery failure: " + evidence);
    }

    private static Signal[] fromStatusReport(String report, Input in) {
        Matcher action = ACTION.matcher(report);
        boolean failed = false;
        boolean delayed = false;
        boolean delivered = false;
        while (action.find()) {
            switch (action.group(1).toLowerCase(Locale.ROOT)) {
                case "failed" -> failed = true;
                case "delayed" -> delayed = true;
                case "delivered", "relayed", "expanded" -> delivered = true;
                default -> {
                    // unknown actions say nothing
                }
            }
        }
        if (!failed && !delayed && !delivered) {
            Matcher status = STATUS.matcher(report);
            if (status.find()) {
                failed = status.group(1).equals("5");
                delayed = status.group(1).equals("4");
                delivered = status.group(1).equals("2");
            } else {
                String wording = in.subject() + "\n" + head(in.text(), 4000);
                delayed = DELAY_TEXT.matcher(wording).find() && !PERMANENT_TEXT.matcher(wording).find();
                failed = !delayed;
            }
        }
        if (failed) {
            return bounce("delivery status notification: Action failed");
        }
        if (delayed) {
            return new Signal[] {Signal.ABSENT, Signal.because("delivery status notification: Action delayed"),
                    Signal.ABSENT};
        }
        return new Signal[] {Signal.ABSENT, Signal.ABSENT,
                Signal.because("delivery status notification: delivered")};
    }

    private static Signal[] bounce(String reason) {
        return new Signal[] {Signal.because(reason), Signal.ABSENT, Signal.ABSENT};
    }

    private static Signal autoReply(Input in) {
        EmailHeaders headers = in.headers();
        Optional<String> autoSubmitted = headers.first("Auto-Submitted");
        if (autoSubmitted.isPresent() && !autoSubmitted.get().strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return Signal.because("Auto-Submitted: " + autoSubmitted.get().strip());
        }
        for (String name : List.of("X-Autoreply", "X-Autorespond", "X-Autoresponder", "X-Autogenerated")) {
            Optional<String> value = headers.first(name);
            if (value.isPresent() && !NO.matcher(value.get()).matches()) {
                return Signal.because(name + (value.get().isBlank() ? " header" : ": " + value.get().strip()));
            }
        }
        for (String name : List.of("Precedence", "X-Precedence")) {
            Optional<String> precedence = headers.first(name);
            if (precedence.isPresent() && precedence.get().strip().toLowerCase(Locale.ROOT).replace('-', '_')
                    .equals("auto_reply")) {
                return Signal.because(name + ": auto_reply");
            }
        }
        Optional<String> subjectPhrase = AutoReplySubjects.match(in.subject());
        if (subjectPhrase.isPresent()) {
            return Signal.because("automatic-reply subject \"" + in.subject().strip() + "\" (" + subjectPhrase.get() + ")");
        }
        // X-Auto-Response-Suppress asks the receiving side not to answer *this* message with the kinds it names
        // (MS-OXCMAIL 2.1.3.2.20: DR, NDR, RN, NRN, OOF, AutoReply, or All); none of its values says the message is
        // itself automatic, and Outlook puts it on ordinary mail (meeting requests, mail to distribution lists), so
        // alone it never counts. Exchange's own automatic mail says "All" and also names the Exchange component that
        // generated it; together they do count. X-MS-Exchange-Inbox-Rules-Loop alone does not either: a person's
        // mail redirected by an inbox rule carries it too.
        Optional<String> generatedBy = headers.first("X-MS-Exchange-Generated-Message-Source");
        Optional<String> suppress = headers.first("X-Auto-Response-Suppress");
        if (generatedBy.isPresent() && suppress.isPresent() && suppress.get().strip().equalsIgnoreCase("All")) {
            return Signal.because("generated by Exchange (X-MS-Exchange-Generated-Message-Source: "
                    + generatedBy.get().strip() + ") with X-Auto-Response-Suppress: All");
        }
        return Signal.ABSENT;
    }

    private static Signal listOrBulk(EmailHeaders headers) {
        if (headers.has("List-Id")) {
            return Signal.because("List-Id: " + headers.first("List-Id").orElse(""));
        }
        if (headers.has("List-Unsubscribe")) {
            return Signal.because("List-Unsubscribe header");
        }
        Optional<String> precedence = headers.first("Precedence");
        if (precedence.isPresent()) {
            String value = precedence.get().strip().toLowerCase(Locale.ROOT);
            if (value.equals("bulk") || value.equals("list") || value.equals("junk")) {
                return Signal.because("Precedence: " + value);
            }
        }
        return Signal.ABSENT;
    }

    private static boolean hasReport(Input in, String mimeType) {
        return in.reports().stream().anyMatch(r -> r.mimeType().equals(mimeType));
    }

    private static String sesNotification(Input in) {
        String head = head(in.text(), 4000);
        if (!head.contains("notificationType")) {
            return "";
        }
        Matcher matcher = SES_NOTIFICATION.matcher(head);
        return matcher.find() ? matcher.group(1) : "";
    }

    private static boolean daemonSender(Input in) {
        Optional<String> from = in.headers().first("From");
        if (from.isEmpty()) {
            return false;
        }
        String fromHeader = from.get();
        if (fromHeader.isBlank() || fromHeader.replaceAll("\\s", "").endsWith("<>")) {
            return true;
        }
        return in.addresses().author()
                .map(a -> DAEMON_ADDRESS.matcher(a.localPart()).matches()
                        || (a.displayName() != null && DAEMON_NAME.matcher(a.displayName()).matches()))
                .orElse(DAEMON_NAME.matcher(fromHeader).matches());
    }

    private static String senderText(Input in) {
        return in.addresses().author().map(EmailAddress::toDisplayString)
                .orElse(in.headers().first("From").orElse("<>"));
    }

    private static String head(String text, int max) {
        return text == null ? "" : text.length() > max ? text.substring(0, max) : text;
    }
}
