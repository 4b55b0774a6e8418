package dev.mailroom.intake.loops;

/** What is quarantined: one sender address on one incoming server, or the thread of one ticket (any mailbox). */
public enum QuarantineKind {
    SENDER, THREAD
}
