package dev.mailroom.intake.loops;

import java.util.Locale;

import dev.mailroom.tickets.Ticket;

/** Whose mail is counted and, past the limit, quarantined: a sender on a server, or a ticket's thread. */
record QuarantineSubject(QuarantineKind kind, Long serverId, String sender, Long ticketId, String ticketDisplayId) {

    static QuarantineSubject sender(long serverId, String address) {
        return new QuarantineSubject(QuarantineKind.SENDER, serverId, address.strip().toLowerCase(Locale.ROOT), null, null);
    }

    static QuarantineSubject thread(Ticket ticket) {
        return new QuarantineSubject(QuarantineKind.THREAD, null, null, ticket.id(), ticket.displayId());
    }

    /** Unique among active quarantines (see V7): at most one per sender and server, or per ticket. */
    String activeKey() {
        return switch (kind) {
            case SENDER -> "sender:" + serverId + ":" + sender;
            case THREAD -> "thread:" + ticketId;
        };
    }

    String describe() {
        return switch (kind) {
            case SENDER -> "sender " + sender;
            case THREAD -> "the thread of " + ticketDisplayId;
        };
    }

    /** "from x@example.com" or "onto INC-7", after a count of emails. */
    String preposition() {
        return switch (kind) {
            case SENDER -> "from " + sender + " on this mailbox";
            case THREAD -> "onto " + ticketDisplayId;
        };
    }
}
