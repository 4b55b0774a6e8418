package dev.mailroom.intake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mailroom.intake.reopen-on-reply} (default true): a reply from the requester puts a RESOLVED ticket back to
 * OPEN. CLOSED tickets stay closed either way. {@code mailroom.intake.parse-threads} (default: the processors, at most
 * 4): how many emails are parsed at once while the stages judge them one by one. {@code mailroom.intake.parse-timeout}
 * (default 60 s): how long the intake waits for one email's parse before it gives that email up.
 */
@ConfigurationProperties("mailroom.intake")
public record IntakeProperties(Boolean reopenOnReply, Integer parseThreads, Duration parseTimeout) {

    public IntakeProperties {
        reopenOnReply = reopenOnReply == null || reopenOnReply;
        parseTimeout = parseTimeout == null ? Duration.ofSeconds(60) : parseTimeout;
        if (parseThreads == null) {
            parseThreads = Math.min(4, Runtime.getRuntime().availableProcessors());
        }
        if (parseThreads < 1) {
            throw new IllegalArgumentException("mailroom.intake.parse-threads must be at least 1, not " + parseThreads);
        }
    }
}
