package dev.mailroom.storage;

import java.io.IOException;
import java.io.InputStream;

/** Content written to the blob store but not published yet: its future key and size, and its bytes to read meanwhile. */
public interface StagedBlob {

    BlobRef ref();

    /** The staged content; the caller closes the stream. */
    InputStream open() throws IOException;
}
