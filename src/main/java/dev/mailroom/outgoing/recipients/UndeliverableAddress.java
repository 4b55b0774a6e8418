package dev.mailroom.outgoing.recipients;

import java.time.Instant;

/** An address notifications are not sent to, and why ("undeliverable: 550 5.1.1 user unknown"). */
public record UndeliverableAddress(String address, String reason, Instant createdAt) {
}
