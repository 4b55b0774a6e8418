package dev.mailroom.audit;

/** One line of an audit entry's trace: which stage looked at the email, what it decided, and why. */
public record TraceStep(String stage, String verdict, String detail) {
}
