package dev.mailroom.incoming;

/** Published after an incoming server was created, updated or deleted, once the change is committed. */
public record IncomingServerChanged(long serverId) {
}
