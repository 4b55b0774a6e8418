package dev.mailroom.intake.parse;

/** What an attachment is, as far as the intake pipeline cares. */
public enum AttachmentKind {
    /** An ordinary file (including inline images). */
    FILE,
    /** A whole message attached or returned (message/rfc822), kept as {@code .eml}. */
    EMAIL,
    /** A calendar invitation or reply (text/calendar), kept as {@code .ics}. */
    CALENDAR,
    /** An Outlook TNEF container (winmail.dat, application/ms-tnef), kept as sent. */
    TNEF,
    /** A file extracted from a TNEF container; the container is kept too. */
    FROM_TNEF,
    /** A machine-readable report part: delivery status, read receipt or abuse feedback. */
    REPORT,
    /** A text or HTML body too large to keep in memory, kept whole as a file. */
    OVERSIZED_BODY
}
