package dev.mailroom.oauth;

import java.util.Optional;

/**
 * The mail servers of one kind that may sign in with OAuth 2.0. The incoming and outgoing features each provide one,
 * so this feature, which they use to sign in, never reaches up into them.
 */
public interface OAuthMailServerDirectory {

    ServerKind kind();

    Optional<OAuthMailServer> find(long serverId);
}
