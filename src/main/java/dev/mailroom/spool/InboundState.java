package dev.mailroom.spool;

/**
 * Where a fetched email stands. RECEIVED emails wait for the intake pipeline; OVERSIZED and UNREADABLE ones were
 * recorded but could not be fetched or stored whole; DISCARDED ones an admin set aside for good.
 */
public enum InboundState {
    RECEIVED, PROCESSED, IGNORED, FAILED, OVERSIZED, UNREADABLE, DISCARDED
}
