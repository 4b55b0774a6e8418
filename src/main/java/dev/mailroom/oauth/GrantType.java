package dev.mailroom.oauth;

/** How Mailroom gets its tokens. */
public enum GrantType {
    /** An admin signs in once at the provider (authorization code with PKCE); a refresh token keeps it going. */
    AUTHORIZATION_CODE,
    /** The application signs in as itself with its Client Secret (application permissions, e.g. Microsoft Graph). */
    CLIENT_CREDENTIALS
}
