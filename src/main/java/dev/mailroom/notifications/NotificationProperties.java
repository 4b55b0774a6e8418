package dev.mailroom.notifications;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mailroom.notifications.*}: the desk's name as notifications sign it, and the no-reply patterns (local parts
 * of addresses nobody reads: no automatic notification goes to them).
 */
@ConfigurationProperties("mailroom.notifications")
public record NotificationProperties(String deskName, List<String> noReplyPatterns) {

    static final List<String> DEFAULT_NO_REPLY_PATTERNS = List.of("noreply", "no-reply", "no_reply", "donotreply",
            "do-not-reply", "do_not_reply", "mailer-daemon", "postmaster", "bounce", "bounces", "auto-reply",
            "autoreply", "auto-responder", "autoresponder");

    public NotificationProperties {
        deskName = deskName == null || deskName.isBlank() ? "IT Service Desk" : deskName.strip();
        noReplyPatterns = noReplyPatterns == null ? DEFAULT_NO_REPLY_PATTERNS
                : noReplyPatterns.stream().filter(p -> p != null && !p.isBlank()).map(String::strip).toList();
    }
}
