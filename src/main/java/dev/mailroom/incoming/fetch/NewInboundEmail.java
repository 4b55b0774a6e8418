package dev.mailroom.incoming.fetch;

/** A fetched message about to be committed: where it came from, what it is, and where its bytes are. */
record NewInboundEmail(long serverId, String remoteKey, InboundState state, boolean actionPending, RawHeaders headers,
        long size, String rawBlobKey, String problem) {
}
