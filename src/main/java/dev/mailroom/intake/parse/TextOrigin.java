package dev.mailroom.intake.parse;

/** Where {@link EmailBody#text()} came from. */
public enum TextOrigin {
    /** A text/plain part. */
    TEXT_PART,
    /** Derived from the HTML part because the message had no text/plain body. */
    FROM_HTML,
    /** The message has no readable body (only attachments, encrypted, or empty). */
    NONE
}
