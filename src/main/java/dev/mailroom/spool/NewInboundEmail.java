package dev.mailroom.spool;

/** A fetched message about to be committed: where it came from, what it is, and where its bytes are. */
public record NewInboundEmail(long serverId, String remoteKey, InboundState state, boolean actionPending, HeaderSummary headers,
        long size, String rawBlobKey, String problem) {
}
