package dev.mailroom.intake.parse;

/** The Content-Disposition the sender gave a part. */
public enum Disposition {
    INLINE,
    ATTACHMENT,
    /** No Content-Disposition header. */
    NONE
}
