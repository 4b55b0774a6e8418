package dev.mailroom.notifications;

/** A rendered notification; {@code referenceAdded} is true when the subject template lacked the ticket reference. */
public record RenderedNotification(String subject, String bodyText, String bodyHtml, boolean referenceAdded) {
}
