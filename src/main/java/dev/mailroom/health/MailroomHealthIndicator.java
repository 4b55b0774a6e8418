package dev.mailroom.health;

import java.time.Instant;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code mailroom} entry of {@code /actuator/health} (and of readiness): DOWN while the database is unreachable,
 * saying since when, what that means for mail and that the node recovers by itself. Readiness shows it to anyone
 * (nobody can sign in without the database), so it names no address and no error: the log has those.
 */
@Component("mailroom")
class MailroomHealthIndicator implements HealthIndicator {

    private final DatabaseWatch watch;

    MailroomHealthIndicator(DatabaseWatch watch) {
        this.watch = watch;
    }

    @Override
    public Health health() {
        return watch.outage().map(MailroomHealthIndicator::down)
                .orElseGet(() -> Health.up().withDetail("database", "reachable").build());
    }

    private static Health down(DatabaseOutage outage) {
        return Health.down()
                .withDetail("database", "unreachable since " + outage.since() + " ("
                        + DatabaseOutage.seconds(outage.lasted(Instant.now())) + "); the log names the error")
                .withDetail("fetching", "paused: new mail stays on the mail servers, not marked read or deleted,"
                        + " until it can be stored")
                .withDetail("sending", "paused: notifications wait in the outbox")
                .withDetail("recovery", "automatic: this node reconnects when the database is back, no restart needed;"
                        + " the Email Audit then shows a DATABASE RECOVERED entry")
                .build();
    }
}
