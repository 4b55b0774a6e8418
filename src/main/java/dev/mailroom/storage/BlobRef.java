package dev.mailroom.storage;

/** A stored blob: its content key (lower-case hex SHA-256) and its size in bytes. */
public record BlobRef(String key, long size) {

    public BlobRef {
        if (!BlobKeys.isValid(key)) {
            throw new IllegalArgumentException("Not a blob key: " + key);
        }
        if (size < 0) {
            throw new IllegalArgumentException("Negative blob size: " + size);
        }
    }
}
