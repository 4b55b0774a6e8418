package dev.mailroom.spool;

/** A poll committed a batch of emails from a mailbox (published after the commit): there is work for the intake. */
public record InboundEmailsStored(long serverId, int count) {
}
