package dev.mailroom.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.mailroom.audit.AuditLog;
import dev.mailroom.audit.AuditStatus;
import dev.mailroom.audit.NewAuditEntry;
import dev.mailroom.platform.DaemonThreads;

/**
 * Checks every couple of seconds that this node reaches its database, on a thread of its own (db-scheduler needs the
 * database itself, so it cannot be the one to notice). An outage is logged when it starts, shown by the
 * {@code mailroom} health indicator while it lasts, and written to the Email Audit once the database is back (DATABASE_RECOVERED,
 * with how long it lasted). Nothing here restarts anything: the connection pool reconnects and db-scheduler resumes
 * on their own; this only tells the admin.
 */
@Component
@EnableConfigurationProperties(HealthProperties.class)
class DatabaseWatch implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DatabaseWatch.class);
    private static final int VALIDATION_SECONDS = 2;

    private final DataSource dataSource;
    private final AuditLog audit;
    private final HealthProperties properties;
    private volatile DatabaseOutage outage;
    /** An outage that ended but whose audit entry is not written yet (the database went away again first). */
    private volatile DatabaseOutage unrecorded;
    private volatile Instant unrecordedUntil;
    private ScheduledExecutorService checker;

    DatabaseWatch(DataSource dataSource, AuditLog audit, HealthProperties properties) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.properties = properties;
    }

    /** The outage going on now, if the last check could not reach the database. */
    Optional<DatabaseOutage> outage() {
        return Optional.ofNullable(outage);
    }

    void check() {
        Optional<String> unreachable = reach();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        DatabaseOutage current = outage;
        if (unreachable.isPresent()) {
            if (current == null) {
                outage = new DatabaseOutage(now, unreachable.get());
                log.error("The database is unreachable: {}. Fetching and sending pause until it is back (mail stays on"
                        + " the mail servers, notifications wait in the outbox); this node reconnects by itself",
                        unreachable.get());
            } else {
                outage = new DatabaseOutage(current.since(), unreachable.get());
            }
            return;
        }
        if (current != null) {
            outage = null;
            unrecorded = current;
            unrecordedUntil = now;
            log.info("The database is reachable again after {}; fetching and sending resume",
                    DatabaseOutage.seconds(current.lasted(now)));
        }
        recordEnded();
    }

    private Optional<String> reach() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_SECONDS) ? Optional.empty()
                    : Optional.of("the database did not answer within " + VALIDATION_SECONDS + " s");
        } catch (SQLException | RuntimeException e) {
            return Optional.of(rootMessage(e));
        }
    }

    private void recordEnded() {
        DatabaseOutage ended = unrecorded;
        if (ended == null) {
            return;
        }
        Instant until = unrecordedUntil;
        try {
            audit.record(NewAuditEntry.of(AuditStatus.DATABASE_RECOVERED).occurredAt(until)
                    .message("The database was unreachable for " + DatabaseOutage.seconds(ended.lasted(until))
                            + " (from " + ended.since() + " to " + until + "; last error: " + ended.error() + ")."
                            + " Fetching and sending paused meanwhile and resumed by themselves; mail stayed on the"
                            + " mail servers until it was stored, and notifications waited in the outbox"));
            unrecorded = null;
        } catch (RuntimeException e) {
            log.debug("The end of the database outage is not in the Email Audit yet: {}", e.getMessage());
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName()
                : message.strip().replaceAll("\\.+$", "");
    }

    @Override
    public synchronized void start() {
        checker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("database-watch"));
        long millis = properties.databaseCheckInterval().toMillis();
        checker.scheduleWithFixedDelay(this::checkSafely, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void checkSafely() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("Checking the database failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (checker != null) {
            checker.shutdownNow();
            checker = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return checker != null;
    }
}
