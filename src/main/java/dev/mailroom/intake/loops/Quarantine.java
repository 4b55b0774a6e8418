package dev.mailroom.intake.loops;

import java.time.Duration;
import java.time.Instant;

/**
 * A sender or ticket thread taken for a mail loop: since when, how many emails in what window crossed which limit,
 * and, once an admin let its mail flow again, when and by whom.
 */
public record Quarantine(long id, QuarantineKind kind, Long serverId, String sender, Long ticketId,
        String ticketDisplayId, Instant since, int emailCount, int maxEmails, long windowSeconds, Long inboundEmailId,
        Instant releasedAt, String releasedBy) {

    public boolean active() {
        return releasedAt == null;
    }

    /** The limit it crossed, as the trace words it: "3 emails in 10 minutes". */
    public String limitInWords() {
        return maxEmails + " emails in " + Durations.words(Duration.ofSeconds(windowSeconds));
    }

    QuarantineSubject subject() {
        return new QuarantineSubject(kind, serverId, sender, ticketId, ticketDisplayId);
    }
}
