package dev.mailroom.oauth;

import java.time.Instant;

/**
 * The tokens of one server (encrypted) and what happened to them: when they were issued and refreshed, the last
 * refresh failure, and whether an admin must authorize the server again before it can sign in.
 */
public record TokenState(
        String encryptedAccessToken,
        Instant accessTokenExpiresAt,
        String encryptedRefreshToken,
        Instant refreshTokenUsedAt,
        Instant authorizedAt,
        String authorizedBy,
        Instant lastRefreshAt,
        Instant lastRefreshFailedAt,
        String lastRefreshError,
        boolean reauthorizationNeeded,
        String reauthorizationReason) {

    static final TokenState NONE = new TokenState(null, null, null, null, null, null, null, null, null, false, null);

    public boolean authorized() {
        return encryptedAccessToken != null || encryptedRefreshToken != null;
    }

    public boolean refreshTokenSet() {
        return encryptedRefreshToken != null;
    }

    /** Whether the access token is still good at {@code moment}. */
    boolean accessTokenValidAt(Instant moment) {
        return encryptedAccessToken != null && (accessTokenExpiresAt == null || accessTokenExpiresAt.isAfter(moment));
    }

    /** The last refresh failed and none succeeded since. */
    public boolean lastRefreshFailed() {
        return lastRefreshFailedAt != null && (lastRefreshAt == null || lastRefreshFailedAt.isAfter(lastRefreshAt));
    }
}
