package dev.mailroom.audit;

/** The Email Audit's "Event" filter: mail coming in, or mail going out. */
public enum AuditEvent {
    INCOMING, OUTGOING
}
