package dev.mailroom.incoming;

import java.time.Instant;

/**
 * A saved Incoming Email Server. The password is held only encrypted; {@link IncomingServerConnections} decrypts it
 * for the moment a connection is made.
 */
public record IncomingServer(long id, IncomingServerSettings settings, String encryptedPassword, Instant createdAt,
        Instant updatedAt) {

    public String name() {
        return settings.name();
    }

    public boolean enabled() {
        return settings.enabled();
    }

    public boolean passwordSet() {
        return encryptedPassword != null;
    }

    @Override
    public String toString() {
        return "IncomingServer[id=" + id + ", name=" + settings.name() + "]";
    }
}
