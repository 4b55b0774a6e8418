package dev.mailroom.incoming.connectiontest;

public enum StepStatus {
    PASSED,
    FAILED,
    /** Not run, because an earlier step failed. */
    SKIPPED
}
