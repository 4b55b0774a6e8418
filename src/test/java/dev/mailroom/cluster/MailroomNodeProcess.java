package dev.mailroom.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import dev.mailroom.MailroomApplication;

/**
 * One Mailroom node as a JVM of its own, started from this test JVM's java and class path (without the test classes),
 * with its own port and data directory and the settings every node shares. {@link #kill()} is {@code kill -9}.
 */
final class MailroomNodeProcess {

    private static final String READY = "Mailroom is ready on";

    private final String name;
    private final Path dataDir;
    private final Path log;
    private final List<String> sharedSettings;
    private final int port;
    private Process process;
    private long logOffset;
    private long startedAt;

    MailroomNodeProcess(String name, Path root, List<String> sharedSettings) {
        this.name = name;
        this.dataDir = root.resolve(name);
        this.log = root.resolve(name + ".log");
        this.sharedSettings = List.copyOf(sharedSettings);
        this.port = freePort();
    }

    String name() {
        return name;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    synchronized void start() {
        try {
            Files.createDirectories(dataDir);
            logOffset = Files.exists(log) ? Files.size(log) : 0;
            List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx384m", "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC", "-cp", applicationClassPath(), MailroomApplication.class.getName(),
                    "--server.port=" + port, "--server.address=127.0.0.1", "--mailroom.data-dir=" + dataDir,
                    "--mailroom.cluster.node-name=" + name));
            command.addAll(sharedSettings);
            startedAt = System.nanoTime();
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start node " + name, e);
        }
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** How long the current process has been running (zero when it is not). */
    synchronized Duration aliveFor() {
        return isAlive() ? Duration.ofNanos(System.nanoTime() - startedAt) : Duration.ZERO;
    }

    /** Started and serving: its log since the last start says so. */
    synchronized boolean isReady() {
        if (!isAlive()) {
            return false;
        }
        try {
            byte[] all = Files.readAllBytes(log);
            return new String(all, (int) Math.min(logOffset, all.length), (int) Math.max(all.length - logOffset, 0),
                    StandardCharsets.UTF_8).contains(READY);
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is released; waits until the process is gone. */
    synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Node " + name + " survived kill -9");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Path log() {
        return log;
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * The test JVM's class path as the application sees it: Surefire may hand over a manifest-only jar, whose
     * Class-Path is the real one; the test classes are left out, so the node is the application and nothing else.
     */
    static String applicationClassPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.addAll(manifestClassPath(entry).orElse(List.of(entry)));
        }
        entries.removeIf(entry -> entry.replace('\\', '/').replaceAll("/$", "").endsWith("/test-classes"));
        return String.join(File.pathSeparator, entries);
    }

    private static Optional<List<String>> manifestClassPath(String entry) {
        if (!entry.endsWith(".jar") || !entry.contains("surefire")) {
            return Optional.empty();
        }
        try (JarFile jar = new JarFile(entry)) {
            Manifest manifest = jar.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (classPath == null) {
                return Optional.empty();
            }
            List<String> paths = new ArrayList<>();
            for (String url : classPath.trim().split("\\s+")) {
                paths.add(Path.of(URI.create(url.startsWith("file:") ? url : "file:" + url)).toString());
            }
            return Optional.of(paths);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
