package dev.mailroom.cluster;

import java.time.Instant;
import java.util.List;

/**
 * A node as the admin sees it: ALIVE (beating), STOPPED (shut down cleanly) or DEAD (silent for longer than a lease:
 * killed, crashed or cut off), the mailboxes whose IDLE connection it holds, and the scheduled work it is running
 * (for a dead node: what it was running, until another node takes it over).
 */
public record ClusterNodeView(String name, String version, Instant startedAt, Instant lastHeartbeat, Instant stoppedAt,
        State state, boolean alive, boolean thisNode, boolean watchesIdle, List<HeldMailbox> mailboxes,
        List<String> running) {

    public enum State {
        ALIVE, STOPPED, DEAD
    }

    /** A mailbox whose lease the node holds. */
    public record HeldMailbox(long serverId, String name, Instant leaseExpiresAt) {
    }
}
