package dev.mailroom.tickets;

/** INCOMING: an email reply from outside. OUTGOING: a reply the desk sends. NOTE: internal, never emailed. */
public enum ConversationDirection {
    INCOMING, OUTGOING, NOTE
}
