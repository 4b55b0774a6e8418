package dev.mailroom.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Blobs as files named by their SHA-256 under two levels of fan-out folders ({@code ab/cd/abcd…}).
 * Content is written to a temporary file while it is hashed, forced to disk, then moved into place atomically,
 * so a reader never sees a half-written blob and a crash leaves at most a stray temporary file.
 */
public class FileSystemBlobStore implements BlobStore {

    private final Path root;
    private final Path incoming;

    public FileSystemBlobStore(Path root) throws IOException {
        this.root = root;
        this.incoming = root.resolve("tmp");
        Files.createDirectories(incoming);
    }

    @Override
    public BlobRef put(InputStream content) throws IOException {
        return putAtMost(content, Long.MAX_VALUE).orElseThrow();
    }

    @Override
    public Optional<BlobRef> putAtMost(InputStream content, long maxBytes) throws IOException {
        Path temp = Files.createTempFile(incoming, "blob-", ".part");
        try {
            MessageDigest digest = sha256();
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
                size = copy(content, out, maxBytes == Long.MAX_VALUE ? maxBytes : maxBytes + 1);
            }
            if (size > maxBytes) {
                return Optional.empty();
            }
            try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            String key = HexFormat.of().formatHex(digest.digest());
            Path target = pathOf(key);
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                moveIntoPlace(temp, target);
            }
            return Optional.of(new BlobRef(key, size));
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public Optional<InputStream> open(String key) throws IOException {
        if (!BlobKeys.isValid(key)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.newInputStream(pathOf(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean exists(String key) {
        return BlobKeys.isValid(key) && Files.exists(pathOf(key));
    }

    @Override
    public boolean delete(String key) throws IOException {
        return BlobKeys.isValid(key) && Files.deleteIfExists(pathOf(key));
    }

    private static long copy(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        while (total < limit) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total));
            if (read < 0) {
                break;
            }
            out.write(buffer, 0, read);
            total += read;
        }
        return total;
    }

    private Path pathOf(String key) {
        return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // Another writer stored the same content first; identical bytes, nothing to do.
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
