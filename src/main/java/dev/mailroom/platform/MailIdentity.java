package dev.mailroom.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Mailroom's own mail can be told apart: the domain of the Message-IDs it generates
 * ({@code mailroom.mail.message-id-domain}) and the header it puts on every notification.
 */
@ConfigurationProperties("mailroom.mail")
public record MailIdentity(String messageIdDomain) {

    public static final String NOTIFICATION_HEADER = "X-Mailroom-Notification";

    public MailIdentity {
        messageIdDomain = messageIdDomain == null || messageIdDomain.isBlank() ? "mailroom.local" : messageIdDomain.strip();
    }

    /** True for a Message-ID Mailroom generated, e.g. {@code <INC-4.7f3a@mailroom.local>}. */
    public boolean isOwnMessageId(String messageId) {
        if (messageId == null) {
            return false;
        }
        String id = messageId.strip();
        if (id.endsWith(">")) {
            id = id.substring(0, id.length() - 1);
        }
        return id.toLowerCase(java.util.Locale.ROOT).endsWith("@" + messageIdDomain.toLowerCase(java.util.Locale.ROOT));
    }
}
