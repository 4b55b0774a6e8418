package dev.mailroom.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Gives each Spring test context its own new database on one shared PostgreSQL server. */
public class PostgresDatabases implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger counter = new AtomicInteger();
    private static final List<String> created = new CopyOnWriteArrayList<>();
    private static Server server;

    record Server(String baseUrl, String user, String password) {
        String url(String database) {
            return baseUrl + database;
        }
    }

    /** A database of one's own: its JDBC URL and credentials. */
    public record Database(String url, String user, String password) {
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Database database = newDatabase("mailroom_test_" + ProcessHandle.current().pid() + "_" + counter.incrementAndGet());
        TestPropertyValues.of(
                "spring.datasource.url=" + database.url(),
                "spring.datasource.username=" + database.user(),
                "spring.datasource.password=" + database.password())
                .applyTo(context);
    }

    /** A new, empty database on the test server (dropped when this JVM exits, if the server outlives it). */
    public static Database newDatabase(String name) {
        Server pg = server();
        try (Connection connection = DriverManager.getConnection(pg.url("postgres"), pg.user(), pg.password())) {
            connection.createStatement().execute("drop database if exists " + name);
            connection.createStatement().execute("create database " + name);
            created.add(name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database on " + pg.baseUrl(), e);
        }
        return new Database(pg.url(name), pg.user(), pg.password());
    }

    private static synchronized Server server() {
        if (server != null) {
            return server;
        }
        String external = System.getenv("MAILROOM_TEST_PG_URL");
        if (external != null && !external.isBlank()) {
            String base = external.substring(0, external.lastIndexOf('/') + 1);
            server = new Server(base, env("MAILROOM_TEST_PG_USER", "postgres"), env("MAILROOM_TEST_PG_PASSWORD", "postgres"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropCreated(server)));
            return server;
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the data directory is temporary
                }
            }));
            server = new Server("jdbc:postgresql://localhost:" + postgres.getPort() + "/", "postgres", "postgres");
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
        }
    }

    /** A server that outlives the tests keeps no databases of theirs: dropped at exit, whoever is still connected. */
    private static void dropCreated(Server pg) {
        try (Connection connection = DriverManager.getConnection(pg.url("postgres"), pg.user(), pg.password())) {
            for (String database : created) {
                connection.createStatement().execute("drop database if exists " + database + " with (force)");
            }
        } catch (SQLException ignored) {
            // best effort: the JVM is going away, and the next run's names differ
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
