package dev.mailroom.outgoing.recipients;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mailroom.notifications.no-reply-patterns}: local parts of addresses nobody reads; no notification goes to
 * them. (The desk's name, under the same prefix, is the notifications' own: {@code NotificationProperties}.)
 */
@ConfigurationProperties("mailroom.notifications")
public record RecipientProperties(List<String> noReplyPatterns) {

    static final List<String> DEFAULT_NO_REPLY_PATTERNS = List.of("noreply", "no-reply", "no_reply", "donotreply",
            "do-not-reply", "do_not_reply", "mailer-daemon", "postmaster", "bounce", "bounces", "auto-reply",
            "autoreply", "auto-responder", "autoresponder");

    public RecipientProperties {
        noReplyPatterns = noReplyPatterns == null ? DEFAULT_NO_REPLY_PATTERNS
                : noReplyPatterns.stream().filter(p -> p != null && !p.isBlank()).map(String::strip).toList();
    }
}
