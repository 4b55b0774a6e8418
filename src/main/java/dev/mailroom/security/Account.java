package dev.mailroom.security;

import java.time.Instant;

/** An operator who signs in to the API and console. Desk users (requesters, technicians on tickets) are separate. */
public record Account(long id, String username, String passwordHash, Role role, boolean enabled, Instant createdAt) {
}
