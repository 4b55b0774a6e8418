/**
 * OAuth 2.0 sign-in of Incoming and Outgoing Email Servers: configurations with provider presets, authorization (code
 * with PKCE, or client credentials), tokens encrypted at rest and renewed ({@code OAuthTokens}, which gives the
 * {@code TokenSignIn} mail connections use), warnings before a sign-in breaks (audited, and published as
 * {@code OAuthWarningsRaised}), and its REST endpoints. It finds servers through {@code OAuthMailServerDirectory},
 * which {@code incoming} and {@code outgoing} implement, so it never imports them. Imports only the base and the
 * kernels ({@code audit}, {@code secrets}, {@code transport}).
 */
package dev.mailroom.oauth;
