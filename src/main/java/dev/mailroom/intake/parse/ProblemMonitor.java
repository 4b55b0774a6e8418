package dev.mailroom.intake.parse;

import org.apache.james.mime4j.codec.DecodeMonitor;

/** Hears mime4j's complaints about malformed input and notes them as parse problems instead of failing. */
final class ProblemMonitor extends DecodeMonitor {

    private final Problems problems;

    ProblemMonitor(Problems problems) {
        this.problems = problems;
    }

    @Override
    public boolean warn(String error, String dropDesc) {
        // Bare LF line ends and odd soft breaks are how most stored mail looks; not worth an admin's attention.
        // mime4j also reports an empty header block of a body part as an invalid header.
        if (error.contains("LF without CR") || error.contains("soft line break") || error.contains("Invalid header")) {
            return false;
        }
        problems.add("MIME: " + error + (dropDesc == null ? "" : " (" + dropDesc + ")"));
        return false;
    }

    @Override
    public boolean isListening() {
        return true;
    }
}
