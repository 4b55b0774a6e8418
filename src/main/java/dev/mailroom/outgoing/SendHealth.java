package dev.mailroom.outgoing;

import java.time.Instant;

/**
 * The last outcome of sending through an outgoing server, stored by whichever node sent: when it last accepted a
 * message, and the last error of sending through it (connecting, signing in, the message refused) with its time.
 */
public record SendHealth(Instant lastSentAt, String lastSendError, Instant lastSendErrorAt) {

    public static final SendHealth NONE = new SendHealth(null, null, null);

    /** The last error is newer than the last success (or nothing was sent since it): sends through it fail now. */
    public boolean failing() {
        return lastSendErrorAt != null && (lastSentAt == null || lastSendErrorAt.isAfter(lastSentAt));
    }
}
