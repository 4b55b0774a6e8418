package dev.mailroom.oauth;

/** An authorization that cannot be completed (unknown or expired state, refused at the provider), in plain words. */
public class OAuthAuthorizationException extends RuntimeException {

    OAuthAuthorizationException(String message, Throwable cause) {
        super(message, cause);
    }
}
