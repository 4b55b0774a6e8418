package dev.mailroom.outgoing.sending;

/** An outbox email that is due: just enough to choose its outgoing server before it is claimed. */
record DueEmail(long id, Long incomingServerId, Long outgoingServerId) {
}
