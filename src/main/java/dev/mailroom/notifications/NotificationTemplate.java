package dev.mailroom.notifications;

import java.time.Instant;

/**
 * The template of one kind of notification: Mustache sources for the subject, the text body and the HTML body.
 * {@code customized} is false for the shipped default (then {@code updatedAt}/{@code updatedBy} are null).
 */
public record NotificationTemplate(NotificationKind kind, boolean enabled, String subject, String bodyText,
        String bodyHtml, boolean customized, Instant updatedAt, String updatedBy) {

    static NotificationTemplate shipped(NotificationKind kind, String subject, String bodyText, String bodyHtml) {
        return new NotificationTemplate(kind, true, subject, bodyText, bodyHtml, false, null, null);
    }
}
