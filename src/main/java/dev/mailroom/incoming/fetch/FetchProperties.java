package dev.mailroom.incoming.fetch;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mailroom.incoming.polling-enabled}: whether this node fetches mail at all (off in tests that only configure
 * servers). {@code mailroom.incoming.idle-enabled}: whether IMAP mailboxes are also watched with IDLE.
 */
@ConfigurationProperties("mailroom.incoming")
record FetchProperties(Boolean pollingEnabled, Boolean idleEnabled) {

    FetchProperties {
        pollingEnabled = pollingEnabled == null || pollingEnabled;
        idleEnabled = idleEnabled == null || idleEnabled;
    }

    boolean watchesIdle() {
        return pollingEnabled && idleEnabled;
    }
}
