package dev.mailroom.incoming.fetch;

/**
 * Points in a poll where tests inject a crash, to prove that no email is lost or stored twice whatever the moment.
 * The application's own implementation does nothing.
 */
public interface PollHooks {

    /** Raw bytes are in the blob store; nothing is committed to the database yet. */
    default void beforeCommit(long serverId) {
    }

    /** The batch is committed; the server has not yet been told (seen / moved / deleted). */
    default void beforeAcknowledge(long serverId) {
    }
}
