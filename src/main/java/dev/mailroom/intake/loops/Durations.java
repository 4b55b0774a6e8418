package dev.mailroom.intake.loops;

import java.time.Duration;

/** A loop window in the words an admin reads in a trace: "10 minutes", "90 seconds". */
final class Durations {

    private Durations() {
    }

    static String words(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 3600 == 0 && seconds >= 3600) {
            return plural(seconds / 3600, "hour");
        }
        if (seconds % 60 == 0 && seconds >= 60) {
            return plural(seconds / 60, "minute");
        }
        return plural(seconds, "second");
    }

    private static String plural(long amount, String unit) {
        return amount + " " + unit + (amount == 1 ? "" : "s");
    }
}
