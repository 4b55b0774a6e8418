package dev.mailroom.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Mailroom's own mail can be told apart: the domain of the Message-IDs it generates
 * ({@code mailroom.mail.message-id-domain}) and the header it puts on every notification; and the name it gives
 * SMTP servers in EHLO ({@code mailroom.mail.helo-name}).
 */
@ConfigurationProperties("mailroom.mail")
public record MailIdentity(String messageIdDomain, String heloName) {

    public static final String NOTIFICATION_HEADER = "X-Mailroom-Notification";

    public MailIdentity {
        messageIdDomain = messageIdDomain == null || messageIdDomain.isBlank() ? "mailroom.local" : messageIdDomain.strip();
        heloName = heloName == null || heloName.isBlank() ? hostNameOr(messageIdDomain) : heloName.strip();
    }

    // Named once here: left to Jakarta Mail, every SMTP connection would ask DNS again, and a host name that does
    // not resolve would cost each connection the resolver's timeout.
    private static String hostNameOr(String fallback) {
        return LocalHost.canonicalName().filter(name -> name.contains(".")).orElse(fallback);
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
