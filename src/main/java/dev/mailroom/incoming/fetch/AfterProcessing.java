package dev.mailroom.incoming.fetch;

/** What happens to a message on the server once Mailroom has stored it. */
public enum AfterProcessing {
    MARK_SEEN, MOVE, DELETE, KEEP
}
