package dev.mailroom.spool;

import java.time.Instant;

/** A stored inbound email as the intake sees it: which mailbox it came from and where its raw bytes are. */
public record InboundEmail(long id, long serverId, InboundState state, String messageId, boolean messageIdGenerated,
        String rawBlobKey, String sender, String recipients, String subject, Instant receivedAt) {
}
