package dev.mailroom.audit;

import java.time.Instant;

/** How many audit entries of one status occurred in the hour starting at {@code hour}. */
public record AuditVolume(Instant hour, AuditStatus status, long count) {
}
