package dev.mailroom.cluster;

import java.util.Set;

/**
 * Work tied to a mailbox that only its lease holder may do (IMAP IDLE connections). The heartbeat shares the wanted
 * mailboxes fairly among the nodes that take leases, and tells this node which ones it holds after every beat.
 */
public interface LeasedMailboxes {

    /** Whether this node takes mailbox leases at all. */
    boolean takesLeases();

    /** The mailboxes that should have a holder now. */
    Set<Long> wanted();

    /** The mailboxes this node holds after a beat: their work runs here, and stops here for every other one. */
    void holding(Set<Long> held);
}
