package dev.mailroom.intake.parse;

/**
 * One recipient's line of a delivery status report (RFC 3464): {@code failed} with {@code 5.1.1} and the remote
 * server's answer, say. Fields the report leaves out are null.
 *
 * @param address    the final (or original) recipient address
 * @param action     failed, delayed, delivered, relayed or expanded, lower case
 * @param status     the enhanced status code such as {@code 5.1.1}
 * @param diagnostic the remote server's answer, e.g. {@code 550 5.1.1 <x@example.com>: Recipient address rejected}
 */
public record RecipientStatus(String address, String action, String status, String diagnostic) {

    /** A permanent failure: the address will not start working if we try again. */
    public boolean permanentFailure() {
        return "failed".equals(action) && (status == null || status.startsWith("5"));
    }

    /** "x@example.com: failed (5.1.1) 550 5.1.1 user unknown" for notes and audit messages. */
    public String describe() {
        StringBuilder text = new StringBuilder(address);
        text.append(": ").append(action == null ? "failed" : action);
        if (status != null) {
            text.append(" (").append(status).append(')');
        }
        if (diagnostic != null) {
            text.append(' ').append(diagnostic);
        }
        return text.toString();
    }
}
