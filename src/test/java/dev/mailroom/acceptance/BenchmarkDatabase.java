package dev.mailroom.acceptance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.test.context.DynamicPropertyRegistry;

import dev.mailroom.platform.DataDirectoryEnvironment;

/**
 * Where a benchmark's Mailroom keeps its data, as in production: a new data directory ({@code $TMPDIR/mailroom-bench*})
 * with an H2 file database in it, or ({@code bench.db=postgres}) a new database on the PostgreSQL of
 * {@code MAILROOM_TEST_PG_URL}. What earlier runs left (their database was still open when they ended) is deleted here.
 */
record BenchmarkDatabase(Path dataDir, String description) {

    /** Registers the data directory and the database for the Spring context; {@code db} is {@code h2} or {@code postgres}. */
    static BenchmarkDatabase register(DynamicPropertyRegistry registry, String db) throws IOException, SQLException {
        deleteEarlierDataDirectories();
        Path dataDir = Files.createTempDirectory("mailroom-bench");
        registry.add("mailroom.data-dir", dataDir::toString);
        if (db.equals("postgres")) {
            String url = requiredEnv("MAILROOM_TEST_PG_URL");
            String user = requiredEnv("MAILROOM_TEST_PG_USER");
            String password = requiredEnv("MAILROOM_TEST_PG_PASSWORD");
            String database = "mailroom_bench_" + System.currentTimeMillis();
            try (Connection connection = DriverManager.getConnection(url, user, password);
                    Statement statement = connection.createStatement()) {
                // Databases of earlier runs are dropped here: a run cannot drop its own while its pool holds it.
                List<String> earlier = new ArrayList<>();
                try (var rows = statement.executeQuery(
                        "select datname from pg_database where datname like 'mailroom\\_bench\\_%'")) {
                    while (rows.next()) {
                        earlier.add(rows.getString(1));
                    }
                }
                for (String old : earlier) {
                    statement.execute("drop database if exists " + old);
                }
                statement.execute("create database " + database);
            }
            String benchUrl = url.substring(0, url.lastIndexOf('/') + 1) + database;
            registry.add("spring.datasource.url", () -> benchUrl);
            registry.add("spring.datasource.username", () -> user);
            registry.add("spring.datasource.password", () -> password);
            return new BenchmarkDatabase(dataDir, "PostgreSQL " + benchUrl);
        }
        // What Mailroom makes of the data dir in production (the test profile uses memory).
        String url = DataDirectoryEnvironment.h2Url(dataDir);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
        return new BenchmarkDatabase(dataDir, "H2 file " + url);
    }

    /** The bulk of a run (raw mail, attachments); the database is still open and goes with the next run. */
    void deleteBlobs() {
        deleteRecursively(dataDir.resolve("blobs"));
    }

    private static String requiredEnv(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: eval \"$(scripts/acceptance/mailservers-up.sh)\"");
        }
        return value;
    }

    /** Data directories of runs that ended more than two hours ago (their database could not be deleted then). */
    private static void deleteEarlierDataDirectories() throws IOException {
        Instant before = Instant.now().minus(Duration.ofHours(2));
        try (Stream<Path> dirs = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            dirs.filter(dir -> dir.getFileName().toString().startsWith("mailroom-bench") && Files.isDirectory(dir))
                    .filter(dir -> {
                        try {
                            return Files.getLastModifiedTime(dir).toInstant().isBefore(before);
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .forEach(BenchmarkDatabase::deleteRecursively);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + dir + ": " + e);
        }
    }
}
