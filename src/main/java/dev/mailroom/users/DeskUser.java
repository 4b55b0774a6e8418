package dev.mailroom.users;

import java.time.Instant;

/**
 * A person the desk knows by email address: a requester or a technician. {@code guest} marks users created
 * from an incoming email rather than registered by an admin.
 */
public record DeskUser(long id, String email, String name, UserKind kind, UserStatus status, boolean guest,
        Instant createdAt, Instant updatedAt) {

    public boolean active() {
        return status == UserStatus.ACTIVE;
    }
}
