package dev.mailroom.microbenchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary directory for a benchmark's blobs, on tmpfs ({@code /dev/shm}) where there is one: the blob store forces
 * every file to disk, and on a disk shared with other work that wait would drown what the benchmark measures.
 */
final class ScratchDirectory {

    private static final Path TMPFS = Path.of("/dev/shm");

    private ScratchDirectory() {
    }

    static Path create(String prefix) throws IOException {
        return Files.isDirectory(TMPFS) && Files.isWritable(TMPFS) ? Files.createTempDirectory(TMPFS, prefix)
                : Files.createTempDirectory(prefix);
    }

    static void delete(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
