package dev.mailroom.connectiontest;

import java.util.List;

/** The outcome of Test Connection: every planned step in order, and the first one that failed, if any. */
public record ConnectionTestResult(boolean success, ConnectionStep failedStep, String summary, List<StepResult> steps) {
}
