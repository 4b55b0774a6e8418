package dev.mailroom.outgoing.recipients;

import java.util.Optional;

/**
 * The loop breaker's quarantines, as the recipient gate asks about them; the intake, which quarantines senders and
 * threads, answers.
 */
public interface LoopQuarantines {

    /**
     * The active quarantine that stops mail to the recipient about the ticket, if any: the recipient quarantined as a
     * sender (on that mailbox, or on any when the ticket came through none), or the ticket's thread.
     */
    Optional<Hold> holding(String recipient, Long incomingServerId, long ticketId);

    /** A quarantine by its number; {@code wholeThread}: the ticket's thread, not the sender, is quarantined. */
    record Hold(long quarantineId, boolean wholeThread) {
    }
}
