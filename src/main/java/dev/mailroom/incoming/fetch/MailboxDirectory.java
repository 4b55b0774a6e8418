package dev.mailroom.incoming.fetch;

import java.util.List;
import java.util.Optional;

/** Which mailboxes are to be fetched, and their configuration at the moment of a poll. */
public interface MailboxDirectory {

    /** The enabled mailbox with this id, or empty if it was disabled or deleted. */
    Optional<MailboxToFetch> findEnabled(long serverId);

    List<Long> enabledServerIds();

    /** The enabled mailboxes IDLE can watch (IMAP). */
    default List<Long> enabledImapServerIds() {
        return enabledServerIds().stream()
                .filter(serverId -> findEnabled(serverId).filter(MailboxToFetch::watchable).isPresent())
                .toList();
    }
}
