package dev.mailroom.oauth;

/** The token endpoint could not be asked: no connection, no answer in time, or an answer that is not OAuth. */
class TokenEndpointUnreachableException extends Exception {

    TokenEndpointUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
