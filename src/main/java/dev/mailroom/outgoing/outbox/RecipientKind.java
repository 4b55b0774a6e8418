package dev.mailroom.outgoing.outbox;

public enum RecipientKind {
    TO, CC
}
