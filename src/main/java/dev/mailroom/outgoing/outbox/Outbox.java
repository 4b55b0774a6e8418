package dev.mailroom.outgoing.outbox;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mailroom.platform.SqlTime;

/**
 * Where notifications are put to be sent. {@link #enqueue} joins the caller's transaction, so a notification exists
 * exactly when the ticket change that caused it was committed; the background sender takes it from there.
 */
@Service
public class Outbox {

    private final OutboxRepository outbox;

    Outbox(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    /** Queues the email and returns its outbox id. */
    @Transactional
    public long enqueue(NewOutboundEmail email) {
        return outbox.insert(email, SqlTime.now());
    }
}
