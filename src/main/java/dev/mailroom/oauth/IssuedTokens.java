package dev.mailroom.oauth;

import java.time.Instant;

/** What the token endpoint issued; {@code refreshToken} is null when it sent none (keep the one in use). */
record IssuedTokens(String accessToken, Instant expiresAt, String refreshToken) {

    @Override
    public String toString() {
        return "IssuedTokens[expiresAt=" + expiresAt + ", refreshToken=" + (refreshToken != null) + "]";
    }
}
