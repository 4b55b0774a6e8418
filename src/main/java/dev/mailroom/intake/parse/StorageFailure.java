package dev.mailroom.intake.parse;

import java.io.IOException;

/** Carries a blob-store write failure out of the MIME walk, past the handlers that absorb malformed-input errors. */
final class StorageFailure extends RuntimeException {

    StorageFailure(IOException cause) {
        super(cause);
    }

    @Override
    public synchronized IOException getCause() {
        return (IOException) super.getCause();
    }
}
