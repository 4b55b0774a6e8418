package dev.mailroom.intake.loops;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The loop limit: more than {@code mailroom.intake.loop.max-emails} emails (default 20) from one sender on one incoming
 * server, or onto one ticket, within {@code mailroom.intake.loop.window} (default 10 minutes) is taken for a mail loop.
 * A person rarely writes more than a few emails in ten minutes, and a burst of monitoring alerts stays under twenty;
 * an auto-responder answering our acknowledgments goes round once per poll, so it trips within minutes and leaves at
 * most twenty tickets behind instead of thousands.
 */
@ConfigurationProperties("mailroom.intake.loop")
public record LoopProperties(Integer maxEmails, Duration window) {

    public LoopProperties {
        maxEmails = maxEmails == null ? 20 : maxEmails;
        window = window == null ? Duration.ofMinutes(10) : window;
        if (maxEmails < 1) {
            throw new IllegalArgumentException("mailroom.intake.loop.max-emails must be at least 1, not " + maxEmails);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("mailroom.intake.loop.window must be positive, not " + window);
        }
    }

    boolean exceededBy(long count) {
        return count > maxEmails;
    }
}
