package dev.mailroom.outgoing;

/**
 * Whether an outgoing server can send, as the server lists and the API show it: {@code NOT_READY} (its configuration
 * keeps it from sending: the FAQ's "configuration is not proper"), {@code FAILING} (sends through it fail now: the
 * last error is newer than the last success), {@code READY}.
 */
public enum SendStatus {
    READY,
    FAILING,
    NOT_READY;

    /** The console's word for it. */
    public String label() {
        return switch (this) {
            case READY -> "ready";
            case FAILING -> "failing";
            case NOT_READY -> "cannot send";
        };
    }
}
