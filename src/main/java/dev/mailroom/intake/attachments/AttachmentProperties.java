package dev.mailroom.intake.attachments;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How email attachments are stored.
 *
 * <ul>
 * <li>{@code inline-limit} (default 5MB): attachments up to this size are stored while the email is parsed and
 * arrive with the ticket in its transaction; larger ones are recorded PENDING and stored from the raw email by the
 * attachment worker moments later. Most attachments (screenshots, documents, logs) are below it, so a ticket
 * usually arrives complete; above it, writing the bytes would hold the intake, which takes one email at a time, for
 * seconds per attachment.</li>
 * <li>{@code max-size} (default 100MB): larger attachments are never stored (FAILED, with an audit entry); this
 * keeps one email from filling the disk. Mail servers rarely pass more than 50 MB.</li>
 * <li>{@code max-attempts} (default 8) and {@code retry-delay} (default 30s, doubling up to 30 minutes): how often a
 * failure that may pass (the blob store unwritable, the disk full) is retried — for about an hour — before the
 * attachment is given up as FAILED.</li>
 * </ul>
 */
@ConfigurationProperties("mailroom.intake.attachments")
public record AttachmentProperties(DataSize inlineLimit, DataSize maxSize, Integer maxAttempts, Duration retryDelay) {

    private static final Duration LONGEST_DELAY = Duration.ofMinutes(30);

    public AttachmentProperties {
        inlineLimit = inlineLimit == null ? DataSize.ofMegabytes(5) : inlineLimit;
        maxSize = maxSize == null ? DataSize.ofMegabytes(100) : maxSize;
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        retryDelay = retryDelay == null ? Duration.ofSeconds(30) : retryDelay;
        if (inlineLimit.isNegative()) {
            throw new IllegalArgumentException("mailroom.intake.attachments.inline-limit must not be negative");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("mailroom.intake.attachments.max-attempts must be at least 1, not " + maxAttempts);
        }
        if (retryDelay.isNegative() || retryDelay.isZero()) {
            throw new IllegalArgumentException("mailroom.intake.attachments.retry-delay must be positive, not " + retryDelay);
        }
    }

    /** How long to wait after the given number of failed attempts: the retry delay, doubled each time, at most 30 minutes. */
    Duration delayAfter(int failedAttempts) {
        Duration delay = retryDelay;
        for (int i = 1; i < failedAttempts && delay.compareTo(LONGEST_DELAY) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay;
    }
}
