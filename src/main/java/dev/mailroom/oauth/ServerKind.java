package dev.mailroom.oauth;

/** Which kind of mail server an OAuth configuration belongs to. */
public enum ServerKind {
    INCOMING,
    OUTGOING;

    /** "incoming" or "outgoing", for messages. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
