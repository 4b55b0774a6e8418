package dev.mailroom.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mailroom.intake.reopen-on-reply} (default true): a reply from the requester puts a RESOLVED ticket back to
 * OPEN. CLOSED tickets stay closed either way. {@code mailroom.intake.parse-threads} (default: the processors, at most
 * 4): how many emails are parsed at once while the stages judge them one by one.
 */
@ConfigurationProperties("mailroom.intake")
public record IntakeProperties(Boolean reopenOnReply, Integer parseThreads) {

    public IntakeProperties {
        reopenOnReply = reopenOnReply == null || reopenOnReply;
        if (parseThreads == null) {
            parseThreads = Math.min(4, Runtime.getRuntime().availableProcessors());
        }
        if (parseThreads < 1) {
            throw new IllegalArgumentException("mailroom.intake.parse-threads must be at least 1, not " + parseThreads);
        }
    }
}
