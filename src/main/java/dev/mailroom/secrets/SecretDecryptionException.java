package dev.mailroom.secrets;

/** A stored secret that cannot be turned back into plain text. The message never contains the stored value. */
public class SecretDecryptionException extends RuntimeException {

    SecretDecryptionException(String message) {
        super(message);
    }

    SecretDecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
