package dev.mailroom.intake.parse;

/**
 * What headers and structure say about who or what sent the message. Each signal carries its evidence.
 * DSNs usually also carry {@code Auto-Submitted: auto-replied}, so several signals can be present at once;
 * {@link #kind()} picks the most specific.
 */
public record MailSignals(
        Signal bounce,
        Signal delayWarning,
        Signal deliveryReport,
        Signal readReceipt,
        Signal feedbackReport,
        Signal autoReply,
        Signal listOrBulk) {

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
        if (autoReply.present()) {
            return MailKind.AUTO_REPLY;
        }
        if (listOrBulk.present()) {
            return MailKind.LIST_OR_BULK;
        }
        return MailKind.PERSONAL;
    }

    /** True for anything a machine sent on its own: reports, receipts and automatic replies (not list mail). */
    public boolean automated() {
        MailKind kind = kind();
        return kind != MailKind.PERSONAL && kind != MailKind.LIST_OR_BULK;
    }
}
