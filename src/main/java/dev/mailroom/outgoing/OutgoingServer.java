package dev.mailroom.outgoing;

import java.time.Instant;
import java.util.Optional;

/**
 * A saved Outgoing Email Server with the last outcome of sending through it. The password is held only encrypted;
 * {@link OutgoingServerConnections} decrypts it for the moment a connection is made.
 */
public record OutgoingServer(long id, OutgoingServerSettings settings, String encryptedPassword, Instant createdAt,
        Instant updatedAt, SendHealth lastSend) {

    public OutgoingServer {
        lastSend = lastSend == null ? SendHealth.NONE : lastSend;
    }

    public String name() {
        return settings.name();
    }

    public boolean passwordSet() {
        return encryptedPassword != null;
    }

    /** See {@link OutgoingServerSettings#whyNotReady(boolean)}. */
    public Optional<String> whyNotReady() {
        return settings.whyNotReady(passwordSet());
    }

    @Override
    public String toString() {
        return "OutgoingServer[id=" + id + ", name=" + settings.name() + "]";
    }
}
