package dev.mailroom.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Mailroom names itself in mail: the domain of the Message-IDs it generates
 * ({@code mailroom.mail.message-id-domain}), the header naming the kind of every notification it sends, and the name it
 * gives SMTP servers in EHLO ({@code mailroom.mail.helo-name}). What proves an email is this installation's own is
 * {@code outgoing.OwnMailSeal}.
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
}
