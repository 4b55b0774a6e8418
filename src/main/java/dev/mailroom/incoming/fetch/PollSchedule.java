package dev.mailroom.incoming.fetch;

import java.time.Duration;
import java.time.Instant;

/** When to poll a mailbox next: at once while mail is waiting, after the poll interval, or later and later while failing. */
final class PollSchedule {

    static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    static final Duration LONGEST_RETRY = Duration.ofMinutes(5);

    private PollSchedule() {
    }

    static Instant next(PollResult result, Duration pollInterval, Instant now) {
        if (result.failed()) {
            return now.plus(retryDelay(result.consecutiveFailures(), pollInterval));
        }
        return result.backlog() > 0 ? now : now.plus(pollInterval);
    }

    /** 5 s, 10 s, 20 s, … up to the longer of five minutes and the poll interval. */
    static Duration retryDelay(int consecutiveFailures, Duration pollInterval) {
        Duration cap = pollInterval.compareTo(LONGEST_RETRY) > 0 ? pollInterval : LONGEST_RETRY;
        int doublings = Math.min(Math.max(consecutiveFailures - 1, 0), 16);
        Duration delay = FIRST_RETRY.multipliedBy(1L << doublings);
        return delay.compareTo(cap) > 0 ? cap : delay;
    }
}
