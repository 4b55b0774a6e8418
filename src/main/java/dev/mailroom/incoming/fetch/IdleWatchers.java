package dev.mailroom.incoming.fetch;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.mailroom.incoming.connection.MailProtocol;
import dev.mailroom.incoming.connection.MailSessionFactory;

/** One IDLE watcher thread per enabled IMAP mailbox, restarted when its configuration changes. */
@Component
class IdleWatchers implements SmartLifecycle {

    private final MailboxDirectory directory;
    private final MailSessionFactory sessions;
    private final PollNudges nudges;
    private final boolean enabled;
    private final Map<Long, IdleWatcher> watchers = new ConcurrentHashMap<>();
    private volatile boolean running;

    IdleWatchers(MailboxDirectory directory, MailSessionFactory sessions, PollNudges nudges, FetchProperties properties) {
        this.directory = directory;
        this.sessions = sessions;
        this.nudges = nudges;
        this.enabled = properties.watchesIdle();
    }

    @EventListener(ApplicationReadyEvent.class)
    void watchAll() {
        if (enabled) {
            directory.enabledServerIds().forEach(this::refresh);
        }
    }

    /** Starts, restarts or stops the watcher of one mailbox after its configuration changed. */
    void refresh(long serverId) {
        IdleWatcher previous = watchers.remove(serverId);
        if (previous != null) {
            previous.stop();
        }
        if (!enabled || !running) {
            return;
        }
        directory.findEnabled(serverId)
                .filter(mailbox -> mailbox.connection().protocol() == MailProtocol.IMAP)
                .ifPresent(mailbox -> {
                    IdleWatcher watcher = new IdleWatcher(mailbox, sessions, nudges);
                    watchers.put(serverId, watcher);
                    Thread thread = new Thread(watcher, "idle-" + serverId);
                    thread.setDaemon(true);
                    thread.start();
                });
    }

    boolean isWatching(long serverId) {
        return watchers.containsKey(serverId);
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        watchers.values().forEach(IdleWatcher::stop);
        watchers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
