package dev.mailroom.connectiontest;

public enum StepStatus {
    PASSED,
    FAILED,
    /** Not run, because an earlier step failed. */
    SKIPPED
}
