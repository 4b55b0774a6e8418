package dev.mailroom.connectiontest;

/**
 * One step of a connection test: what was done ({@code detail}), what the server said ({@code serverResponse}, when
 * it said something, with its numeric {@code replyCode} for SMTP) and, for a failure, what to change ({@code hint}).
 */
public record StepResult(
        ConnectionStep step,
        String name,
        StepStatus status,
        long durationMs,
        String detail,
        Integer replyCode,
        String serverResponse,
        String hint) {

    static StepResult skipped(ConnectionStep step) {
        return new StepResult(step, step.label(), StepStatus.SKIPPED, 0, null, null, null, null);
    }
}
