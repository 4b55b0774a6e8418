package dev.mailroom.outgoing.sending;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mailroom.outgoing.*}: whether this node sends the outbox, how many emails it takes at a time, over how many
 * SMTP connections to one server at once, how long a
 * temporarily failing email is retried (backoff doubling from {@code first-backoff} up to {@code max-backoff}), and
 * the lease after which an email left "sending" by a node that died is sent again.
 */
@ConfigurationProperties("mailroom.outgoing")
public record SendingProperties(Boolean sendingEnabled, Integer batchSize, Integer connections, Duration retryFor,
        Duration firstBackoff, Duration maxBackoff, Duration lease) {

    public SendingProperties {
        sendingEnabled = sendingEnabled == null || sendingEnabled;
        batchSize = batchSize == null || batchSize < 1 ? 100 : batchSize;
        connections = connections == null || connections < 1 ? 4 : connections;
        retryFor = retryFor == null ? Duration.ofHours(24) : retryFor;
        firstBackoff = firstBackoff == null ? Duration.ofSeconds(30) : firstBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(15) : maxBackoff;
        lease = lease == null ? Duration.ofMinutes(10) : lease;
    }

    /** The wait after the {@code attempts}-th failed attempt: first-backoff, doubling, capped at max-backoff. */
    public Duration backoffAfter(int attempts) {
        Duration delay = firstBackoff;
        for (int i = 1; i < attempts && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
