package dev.mailroom.incoming;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** An incoming server as the API shows it: every setting, and whether a password is stored, never the password. */
record IncomingServerView(long id, @JsonUnwrapped IncomingServerSettings settings, boolean passwordSet, Instant createdAt,
        Instant updatedAt) {

    static IncomingServerView of(IncomingServer server) {
        return new IncomingServerView(server.id(), server.settings(), server.passwordSet(), server.createdAt(),
                server.updatedAt());
    }
}
