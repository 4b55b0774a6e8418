package dev.mailroom.outgoing.recipients;

import java.time.Instant;

/**
 * An address notifications are not sent to, and why ("undeliverable: 550 5.1.1 user unknown").
 *
 * @param expiresAt when a temporary mark (repeated soft bounces) lapses by itself; null until an admin lifts it
 */
public record UndeliverableAddress(String address, String reason, Instant createdAt, Instant expiresAt) {
}
