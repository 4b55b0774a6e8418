package dev.mailroom.outgoing.sending;

import dev.mailroom.outgoing.outbox.RecipientKind;

/** One recipient row of an outbox email; {@code state} is PENDING, SENT, FAILED or IGNORED. */
record QueuedRecipient(int sortOrder, RecipientKind kind, String address, String state) {

    boolean pending() {
        return "PENDING".equals(state);
    }
}
