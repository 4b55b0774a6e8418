package dev.mailroom.storage;

/**
 * A feature that keeps blob keys in its own tables. Blobs are shared by content, so a purge deletes a blob only
 * when no owner still references its key.
 */
public interface BlobOwner {

    boolean references(String key);
}
