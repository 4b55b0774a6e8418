package dev.mailroom.acceptance;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real mail servers started by {@code scripts/acceptance/mailservers-up.sh}, as its
 * {@code acceptance.properties} describes them. Acceptance tests run only when {@code MAILROOM_ACCEPTANCE_STATE} names
 * that state directory (CI sets it); elsewhere they are skipped, saying how to run them.
 */
public final class AcceptanceServers implements ExecutionCondition {

    static final String STATE_VARIABLE = "MAILROOM_ACCEPTANCE_STATE";
    static final String DOMAIN = "example.test";

    private static AcceptanceServers servers;

    private final Path state;
    private final Properties properties;

    /** For JUnit, which asks {@link #evaluateExecutionCondition} whether the servers are there. */
    public AcceptanceServers() {
        this.state = null;
        this.properties = null;
    }

    private AcceptanceServers(Path state, Properties properties) {
        this.state = state;
        this.properties = properties;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String state = System.getenv(STATE_VARIABLE);
        if (state == null || state.isBlank()) {
            return ConditionEvaluationResult.disabled("Acceptance tests against real Dovecot and Postfix are skipped: "
                    + STATE_VARIABLE + " is not set. To run them (root, Debian): eval \"$(scripts/acceptance/mailservers-up.sh)\" "
                    + "&& ./mvnw test");
        }
        get(); // set but broken is a failure, not a skip
        return ConditionEvaluationResult.enabled(STATE_VARIABLE + "=" + state);
    }

    /** The servers; fails when the state directory is named but not usable, so CI never skips them silently. */
    public static synchronized AcceptanceServers get() {
        if (servers == null) {
            String variable = System.getenv(STATE_VARIABLE);
            if (variable == null || variable.isBlank()) {
                throw new IllegalStateException(STATE_VARIABLE + " is not set: run scripts/acceptance/mailservers-up.sh");
            }
            Path state = Path.of(variable);
            Path file = state.resolve("acceptance.properties");
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new IllegalStateException(STATE_VARIABLE + "=" + state + " but " + file
                        + " cannot be read: run scripts/acceptance/mailservers-up.sh", e);
            }
            servers = new AcceptanceServers(state, properties);
        }
        return servers;
    }

    public String host() {
        return property("host");
    }

    /** {@code imap}, {@code imaps}, {@code pop3}, {@code pop3s}, {@code smtp}, {@code submission}, {@code smtps}. */
    public int port(String service) {
        return Integer.parseInt(property(service + ".port"));
    }

    public String password(String user) {
        return property("user." + user + ".password");
    }

    public String address(String user) {
        return user + "@" + DOMAIN;
    }

    /** The Maildir of a user's INBOX (the tests run on the servers' machine, as root, like the script). */
    public String maildir(String user) {
        return property("maildir").replace("%u", user);
    }

    public X509Certificate certificate() {
        try (InputStream in = Files.newInputStream(Path.of(property("certificate")))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A trust store holding only the servers' self-signed certificate. */
    public KeyStore trustStore() {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("mailroom-acceptance", certificate());
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops Dovecot and every session it serves, then starts it again: to a client, the server went away. */
    public void restartDovecot() {
        stopDovecot();
        startDovecot();
    }

    /**
     * Stops Dovecot's master and then any of its processes still running: a POP3 session, for one, outlives its
     * master and would quietly finish the poll, where a crash or reboot of the server ends every connection.
     */
    public void stopDovecot() {
        long pid = dovecotPid();
        ProcessHandle master = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("Dovecot is not running"));
        List<ProcessHandle> children = master.descendants().toList();
        master.destroy();
        awaitExit(master);
        for (ProcessHandle child : children) {
            child.destroy();
        }
        for (ProcessHandle child : children) {
            awaitExit(child);
        }
    }

    private static void awaitExit(ProcessHandle process) {
        try {
            process.onExit().get(20, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public void startDovecot() {
        try {
            Process start = new ProcessBuilder(property("dovecot.binary"), "-c", property("dovecot.config"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!start.waitFor(30, TimeUnit.SECONDS) || start.exitValue() != 0) {
                throw new IllegalStateException("Dovecot did not start; see " + property("logs"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        awaitListening(port("imap"), Duration.ofSeconds(20));
        awaitListening(port("pop3"), Duration.ofSeconds(20));
        reloadPostfix();
    }

    /**
     * Postfix's smtpd processes keep their connection to Dovecot's SASL socket; after Dovecot restarted, the first
     * AUTH in each of them fails with "454 4.7.0 Temporary authentication failure: Connection lost to authentication
     * server". A reload replaces them, so later tests sign in as they would on a server that was not restarted.
     */
    private static void reloadPostfix() {
        try {
            Process reload = new ProcessBuilder("postfix", "reload").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!reload.waitFor(30, TimeUnit.SECONDS) || reload.exitValue() != 0) {
                throw new IllegalStateException("postfix reload failed");
            }
            Thread.sleep(1_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long dovecotPid() {
        try {
            return Long.parseLong(Files.readString(Path.of(property("dovecot.pidfile"))).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening(int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host(), port), 500);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Nothing listens on " + host() + ":" + port, e);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(interrupted);
                }
            }
        }
    }

    private String property(String name) {
        String value = properties.getProperty(name);
        if (value == null) {
            throw new IllegalStateException(state.resolve("acceptance.properties") + " has no " + name
                    + ": run scripts/acceptance/mailservers-up.sh again");
        }
        return value.trim();
    }
}
