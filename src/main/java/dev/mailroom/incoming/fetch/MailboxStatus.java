package dev.mailroom.incoming.fetch;

import java.time.Instant;

/**
 * A mailbox's fetching at a glance: when it last worked, what went wrong since, how much it fetched today and how
 * much is still waiting on the server, when it is polled next, and whether IDLE is watching it.
 */
public record MailboxStatus(long serverId, Instant lastPollAt, Instant lastSuccessAt, String lastError,
        Instant lastErrorAt, int consecutiveFailures, int fetchedToday, int backlog, Instant nextPollAt, boolean idle) {
}
