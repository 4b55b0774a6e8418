package dev.mailroom.transport;

import jakarta.mail.AuthenticationFailedException;

/**
 * No usable OAuth 2.0 access token, said in plain words for the audit ("the access token was revoked; re-authorize this
 * server"). {@link #lasting()} tells a failure only an admin can end (revoked token, refused client secret, never
 * authorized) from one that may pass by itself (the token endpoint did not answer in time).
 */
public class OAuthSignInException extends AuthenticationFailedException {

    private final boolean lasting;

    public OAuthSignInException(String message, boolean lasting, Exception cause) {
        super(message, cause);
        this.lasting = lasting;
    }

    public boolean lasting() {
        return lasting;
    }
}
