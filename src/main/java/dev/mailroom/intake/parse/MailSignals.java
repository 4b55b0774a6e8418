package dev.mailroom.intake.parse;

/**
 * What headers and structure say about who or what sent the message. Each signal carries its evidence.
 * DSNs usually also carry {@code Auto-Submitted: auto-replied}, so several signals can be present at once;
 * {@link #kind()} picks the most specific: report structure first, then a challenge-response request (which often
 * also says auto-replied), then an automatic reply, and list or bulk mail last, so that an out-of-office that
 * happens to carry {@code Precedence: bulk} is an automatic reply.
 */
public record MailSignals(
        Signal bounce,
        Signal delayWarning,
        Signal deliveryReport,
        Signal readReceipt,
        Signal feedbackReport,
        Signal challengeResponse,
        Signal autoReply,
        Signal listOrBulk) {

    /** No signal at all: what a message that could not be classified counts as. */
    public static final MailSignals NONE = new MailSignals(Signal.ABSENT, Signal.ABSENT, Signal.ABSENT, Signal.ABSENT,
            Signal.ABSENT, Signal.ABSENT, Signal.ABSENT, Signal.ABSENT);

    public MailKind kind() {
        if (feedbackReport.present()) {
            return MailKind.FEEDBACK_REPORT;
        }
        if (readReceipt.present()) {
            return MailKind.READ_RECEIPT;
        }
        if (bounce.present()) {
            return MailKind.BOUNCE;
        }
        if (delayWarning.present()) {
            return MailKind.DELAY_WARNING;
        }
        if (deliveryReport.present()) {
            return MailKind.DELIVERY_REPORT;
        }
        if (challengeResponse.present()) {
            return MailKind.CHALLENGE_RESPONSE;
        }
        if (autoReply.present()) {
            return MailKind.AUTO_REPLY;
        }
        if (listOrBulk.present()) {
            return MailKind.LIST_OR_BULK;
        }
        return MailKind.PERSONAL;
    }

    /**
     * True for anything a machine sent on its own: reports, receipts, challenge-response requests and automatic
     * replies (not list mail).
     */
    public boolean automated() {
        MailKind kind = kind();
        return kind != MailKind.PERSONAL && kind != MailKind.LIST_OR_BULK;
    }
}
