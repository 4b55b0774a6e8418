package dev.mailroom.outgoing.outbox;

/** Why an email is in the outbox. */
public enum OutboundKind {
    /** "We received your request": to the requester of a new ticket. */
    ACKNOWLEDGMENT(true),
    /** A technician's reply on a ticket, to the requester and participants. */
    TECHNICIAN_REPLY(false),
    /** The ticket was resolved. */
    TICKET_RESOLVED(true),
    /** The test email an admin asked for from an outgoing server's Test Connection. */
    TEST_EMAIL(true),
    /** A warning to the desk's admins (a server's OAuth 2.0 sign-in about to break). */
    ADMIN_WARNING(true);

    private final boolean automatic;

    OutboundKind(boolean automatic) {
        this.automatic = automatic;
    }

    /** Sent by the system rather than written by a person: carries {@code Auto-Submitted: auto-generated}. */
    public boolean automatic() {
        return automatic;
    }
}
