package dev.mailroom.storage;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The blob store's disk is full (ENOSPC). Its message names the store, in words an admin can act on: "the blob store
 * at /var/lib/mailroom/blobs is full (No space left on device)". Nothing was stored; the write may succeed later.
 */
public class BlobStoreFullException extends IOException {

    private static final String NO_SPACE = "No space left on device";

    BlobStoreFullException(Path root, IOException cause) {
        super("the blob store at " + root + " is full (" + NO_SPACE + ")", cause);
    }

    /** Whether the file system refused a write for lack of space (the message the JDK takes from ENOSPC). */
    static boolean isNoSpace(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains(NO_SPACE)) {
                return true;
            }
        }
        return false;
    }
}
