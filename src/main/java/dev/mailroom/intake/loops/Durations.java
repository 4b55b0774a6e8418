package dev.mailroom.intake.loops;

import dev.mailroom.platform.Counts;

import java.time.Duration;

/** A loop window in the words an admin reads in a trace: "10 minutes", "90 seconds". */
final class Durations {

    private Durations() {
    }

    static String words(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 3600 == 0 && seconds >= 3600) {
            return Counts.of(seconds / 3600, "hour");
        }
        if (seconds % 60 == 0 && seconds >= 60) {
            return Counts.of(seconds / 60, "minute");
        }
        return Counts.of(seconds, "second");
    }
}
