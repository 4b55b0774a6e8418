package dev.mailroom.transport;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;

/**
 * Signs in to a mail server with an OAuth 2.0 access token (SASL XOAUTH2) instead of a password. Mailbox and SMTP
 * connections carry one when their server uses OAuth 2.0; {@code dev.mailroom.oauth} provides it.
 */
public interface TokenSignIn {

    /** An access token that is valid for a while yet (refreshed first when it is about to expire). */
    String accessToken() throws OAuthSignInException;

    /** A new access token after the mail server refused {@code rejected}: refreshed once, whatever its expiry says. */
    String renewAfterRejection(String rejected) throws OAuthSignInException;

    /** One sign-in to the mail server with this token (XOAUTH2). */
    @FunctionalInterface
    interface Attempt {
        void signIn(String accessToken) throws MessagingException;
    }

    /**
     * Signs in with the access token and, when the server refuses it (revoked or cut short before its expiry), once
     * more with a renewed one; a refusal of that too means the account or the scope is wrong, not the token.
     */
    default void signIn(Attempt attempt) throws MessagingException {
        String token = accessToken();
        try {
            attempt.signIn(token);
        } catch (AuthenticationFailedException refused) {
            String renewed = renewAfterRejection(token);
            try {
                attempt.signIn(renewed);
            } catch (AuthenticationFailedException again) {
                throw new OAuthSignInException("the mail server refused a freshly renewed access token ("
                        + (again.getMessage() == null ? "no reason given" : again.getMessage().strip()) + "); check "
                        + "that the Scope grants this protocol and that the mailbox allows sign-in with OAuth 2.0",
                        false, again);
            }
        }
    }
}
