package dev.mailroom.oauth;

/**
 * No usable access token for a server, in plain words ("the access token was revoked or its refresh token expired;
 * re-authorize this server"). {@link #reauthorizationNeeded()}: only an admin can end it (authorize again, or enter
 * a new Client Secret first); otherwise it may pass by itself (the token endpoint did not answer).
 */
public class OAuthTokenException extends RuntimeException {

    private final boolean reauthorizationNeeded;

    OAuthTokenException(String message, boolean reauthorizationNeeded, Throwable cause) {
        super(message, cause);
        this.reauthorizationNeeded = reauthorizationNeeded;
    }

    public boolean reauthorizationNeeded() {
        return reauthorizationNeeded;
    }
}
