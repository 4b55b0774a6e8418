package dev.mailroom.outgoing;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * An outgoing server as the API shows it: every setting, whether a password is stored (never the password), and
 * whether it can send now or what keeps it from sending (the FAQ's "configuration is not proper" causes).
 */
record OutgoingServerView(long id, @JsonUnwrapped OutgoingServerSettings settings, boolean passwordSet, boolean ready,
        String notReadyReason, Instant createdAt, Instant updatedAt) {

    static OutgoingServerView of(OutgoingServer server) {
        String whyNotReady = server.whyNotReady().orElse(null);
        return new OutgoingServerView(server.id(), server.settings(), server.passwordSet(), whyNotReady == null,
                whyNotReady, server.createdAt(), server.updatedAt());
    }
}
