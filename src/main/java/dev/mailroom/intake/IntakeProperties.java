package dev.mailroom.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mailroom.intake.reopen-on-reply} (default true): a reply from the requester puts a RESOLVED ticket back to
 * OPEN. CLOSED tickets stay closed either way.
 */
@ConfigurationProperties("mailroom.intake")
public record IntakeProperties(Boolean reopenOnReply) {

    public IntakeProperties {
        reopenOnReply = reopenOnReply == null || reopenOnReply;
    }
}
