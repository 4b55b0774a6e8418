package dev.mailroom.outgoing;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * An outgoing server as the API shows it: every setting, whether a password is stored (never the password), whether
 * it can send now or what keeps it from sending (the FAQ's "configuration is not proper" causes), and how sending
 * through it went last: {@code sendStatus} READY, FAILING (the last error is newer than the last success) or
 * NOT_READY, with {@code lastSendError}, {@code lastSendErrorAt} and {@code lastSentAt}.
 */
record OutgoingServerView(long id, @JsonUnwrapped OutgoingServerSettings settings, boolean passwordSet, boolean ready,
        String notReadyReason, SendStatus sendStatus, String lastSendError, Instant lastSendErrorAt,
        Instant lastSentAt, Instant createdAt, Instant updatedAt) {

    static OutgoingServerView of(OutgoingServer server, OutgoingServerService service) {
        String whyNotReady = service.whyNotReady(server).orElse(null);
        SendHealth last = server.lastSend();
        SendStatus status = whyNotReady != null ? SendStatus.NOT_READY
                : last.failing() ? SendStatus.FAILING : SendStatus.READY;
        return new OutgoingServerView(server.id(), server.settings(), server.passwordSet(), whyNotReady == null,
                whyNotReady, status, last.lastSendError(), last.lastSendErrorAt(), last.lastSentAt(),
                server.createdAt(), server.updatedAt());
    }
}
