package dev.mailroom.incoming.fetch;

import java.time.Instant;

/**
 * A mailbox's fetching at a glance: when it last worked, what went wrong since, how much it fetched today and how
 * much is still waiting on the server, when it is polled next, whether IDLE is watching it, which node holds its lease
 * (and so keeps its IDLE connection; null when none does) and which node is polling it right now.
 */
public record MailboxStatus(long serverId, Instant lastPollAt, Instant lastSuccessAt, String lastError,
        Instant lastErrorAt, int consecutiveFailures, int fetchedToday, int backlog, Instant nextPollAt, boolean idle,
        String holder, String pollingNode) {
}
