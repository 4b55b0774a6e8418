package dev.mailroom.oauth;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A server's OAuth 2.0 configuration and sign-in state as the API and console show it: never the Client Secret or a
 * token, only whether they are set.
 */
public record OAuthView(
        ServerKind serverKind,
        long serverId,
        @JsonUnwrapped OAuthSettings settings,
        boolean clientSecretSet,
        OAuthState state,
        String stateLabel,
        String reauthorizationReason,
        Instant authorizedAt,
        String authorizedBy,
        Instant accessTokenExpiresAt,
        boolean refreshTokenSet,
        Instant refreshTokenLastUsedAt,
        Instant lastRefreshAt,
        Instant lastRefreshFailedAt,
        String lastRefreshError,
        List<String> warnings) {

    static OAuthView of(OAuthClient client, List<String> warnings) {
        TokenState t = client.tokens();
        OAuthState state = OAuthState.of(client);
        return new OAuthView(client.server().kind(), client.server().serverId(), client.settings(),
                client.clientSecretSet(), state, state.label(), t.reauthorizationReason(), t.authorizedAt(),
                t.authorizedBy(), t.accessTokenExpiresAt(), t.refreshTokenSet(), t.refreshTokenUsedAt(),
                t.lastRefreshAt(), t.lastRefreshFailedAt(), t.lastRefreshError(), List.copyOf(warnings));
    }

    /** Whether the console should offer (and stress) Authorize. */
    public boolean needsAuthorization() {
        return state != OAuthState.AUTHORIZED;
    }
}
