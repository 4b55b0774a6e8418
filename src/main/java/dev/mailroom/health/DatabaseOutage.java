package dev.mailroom.health;

import java.time.Duration;
import java.time.Instant;

/** The database unreachable since {@code since}; {@code error} is what the last attempt to reach it said. */
record DatabaseOutage(Instant since, String error) {

    Duration lasted(Instant until) {
        return Duration.between(since, until);
    }

    static String seconds(Duration duration) {
        return Math.max(1, Math.round(duration.toMillis() / 1000.0)) + " s";
    }
}
