package dev.mailroom.incoming.connection;

/**
 * Signs in to a mail server with an OAuth 2.0 access token (SASL XOAUTH2) instead of a password. Mailbox and SMTP
 * connections carry one when their server uses OAuth 2.0; {@code dev.mailroom.oauth} provides it.
 */
public interface TokenSignIn {

    /** An access token that is valid for a while yet (refreshed first when it is about to expire). */
    String accessToken() throws OAuthSignInException;

    /** A new access token after the mail server refused {@code rejected}: refreshed once, whatever its expiry says. */
    String renewAfterRejection(String rejected) throws OAuthSignInException;
}
