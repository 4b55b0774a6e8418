package dev.mailroom.lookups;

import java.time.Instant;

/** A technician group or a category: a named entry tickets point to. */
public record Lookup(long id, String name, String description, Instant createdAt) {
}
