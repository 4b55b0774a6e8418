package dev.mailroom.incoming.fetch;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mailroom.incoming.polling-enabled}: whether this node fetches mail at all (off in tests that only configure
 * servers). {@code mailroom.incoming.idle-enabled}: whether IMAP mailboxes are also watched with IDLE.
 * {@code mailroom.incoming.idle-refresh}: how often an idling connection is checked with a NOOP (and IDLE issued
 * again), so one that died without a word is noticed within this plus the mailbox's read timeout.
 */
@ConfigurationProperties("mailroom.incoming")
record FetchProperties(Boolean pollingEnabled, Boolean idleEnabled, Duration idleRefresh) {

    FetchProperties {
        pollingEnabled = pollingEnabled == null || pollingEnabled;
        idleEnabled = idleEnabled == null || idleEnabled;
        idleRefresh = idleRefresh == null ? Duration.ofMinutes(5) : idleRefresh;
    }

    boolean watchesIdle() {
        return pollingEnabled && idleEnabled;
    }
}
