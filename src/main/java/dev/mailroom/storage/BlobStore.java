package dev.mailroom.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Optional;

/**
 * Content-addressed storage for raw emails and attachment bytes. The key is the SHA-256 of the content,
 * so storing the same bytes twice keeps one copy. The file system is the default; an object store can stand here later.
 */
public interface BlobStore {

    /** Streams the content into the store; the stream is read to its end but not closed. */
    BlobRef put(InputStream content) throws IOException;

    /**
     * Streams the content into the store unless it is longer than {@code maxBytes}: then nothing is kept, empty is
     * returned, and the stream has been read exactly {@code maxBytes + 1} bytes far, so the caller can go on from there.
     */
    Optional<BlobRef> putAtMost(InputStream content, long maxBytes) throws IOException;

    /**
     * Streams the content into the store without making it durable or visible yet: for a batch of blobs that
     * {@link #publish} then makes durable together, far faster than one {@link #put} after another. A staged blob
     * that is never published leaves nothing behind once {@link #discard}ed.
     */
    StagedBlob stage(InputStream content) throws IOException;

    /** Makes staged blobs durable and visible under their keys. */
    void publish(Collection<StagedBlob> blobs) throws IOException;

    /** Drops what was staged and not published (published blobs are left alone). */
    void discard(Collection<StagedBlob> blobs);

    /** The content, or empty if no blob has this key. The caller closes the stream. */
    Optional<InputStream> open(String key) throws IOException;

    boolean exists(String key);

    /** Removes the blob; returns false if there was none. */
    boolean delete(String key) throws IOException;
}
