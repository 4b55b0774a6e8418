package dev.mailroom.oauth;

import java.time.LocalDate;

/**
 * What an admin configured for a server's OAuth 2.0 sign-in, with the preset applied: the FAQ's fields (Client ID,
 * Client Secret — kept apart, encrypted —, Authorization URL, Token URL, Scope, Redirect URL) and the Client Secret's
 * expiry date, when the admin entered it.
 */
public record OAuthSettings(
        OAuthPreset provider,
        GrantType grantType,
        String clientId,
        String authorizationUrl,
        String tokenUrl,
        String scope,
        String redirectUrl,
        LocalDate clientSecretExpiresOn) {
}
