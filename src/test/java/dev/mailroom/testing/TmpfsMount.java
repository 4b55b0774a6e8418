package dev.mailroom.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs mounted by a test (it runs as root, as CI does), to make the disk really full: writes then fail with
 * ENOSPC, as on a full production disk. Where mounting is impossible (not root, no mount permission in a container)
 * the test is skipped with the reason.
 */
public final class TmpfsMount implements AutoCloseable {

    private final Path path;

    private TmpfsMount(Path path) {
        this.path = path;
    }

    /** Mounts a tmpfs of {@code megabytes} at {@code path} (created if missing), or skips the test saying why not. */
    public static TmpfsMount of(Path path, int megabytes) throws IOException, InterruptedException {
        Files.createDirectories(path);
        String output = run(List.of("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", path.toString()));
        Assumptions.assumeTrue(output == null, () -> "Cannot mount a tmpfs at " + path + " to make a disk full (" + output
                + "); this fault test needs root, as CI runs it");
        return new TmpfsMount(path);
    }

    public Path path() {
        return path;
    }

    /** Fills what is left of the mount with one file, until the file system says there is no space. */
    public Path fill() throws IOException {
        Path filler = path.resolve("filler");
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(chunk);
            }
        } catch (IOException e) {
            if (e.getMessage() == null || !e.getMessage().contains("No space left on device")) {
                throw e;
            }
        }
        return filler;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        String output = run(List.of("umount", "-l", path.toString()));
        if (output != null) {
            throw new IOException("Cannot unmount " + path + ": " + output);
        }
    }

    /** Null when the command succeeded, else what it said (or why it could not run). */
    private static String run(List<String> command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return String.join(" ", command) + " did not finish within 30 s";
            }
            String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.exitValue() == 0 ? null : String.join(" ", command) + ": " + said;
        } catch (IOException e) {
            return String.join(" ", command) + ": " + e.getMessage();
        }
    }
}
