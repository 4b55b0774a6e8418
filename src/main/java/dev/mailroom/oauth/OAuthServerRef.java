package dev.mailroom.oauth;

/** One mail server that may sign in with OAuth 2.0: an Incoming or an Outgoing Email Server by its id. */
public record OAuthServerRef(ServerKind kind, long serverId) {

    public static OAuthServerRef incoming(long serverId) {
        return new OAuthServerRef(ServerKind.INCOMING, serverId);
    }

    public static OAuthServerRef outgoing(long serverId) {
        return new OAuthServerRef(ServerKind.OUTGOING, serverId);
    }

    @Override
    public String toString() {
        return kind.word() + " server " + serverId;
    }
}
