package dev.mailroom.notifications;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mailroom.notifications.desk-name}: the desk's name as notifications sign it. (The no-reply patterns, under
 * the same prefix, belong to the recipient gate: {@code RecipientProperties}.)
 */
@ConfigurationProperties("mailroom.notifications")
public record NotificationProperties(String deskName) {

    public NotificationProperties {
        deskName = deskName == null || deskName.isBlank() ? "IT Service Desk" : deskName.strip();
    }
}
