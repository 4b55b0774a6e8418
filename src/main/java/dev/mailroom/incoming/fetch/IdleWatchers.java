package dev.mailroom.incoming.fetch;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.mailroom.cluster.LeasedMailboxes;
import dev.mailroom.incoming.connection.MailSessionFactory;

/**
 * One IDLE watcher thread per enabled IMAP mailbox whose lease this node holds (with several nodes, each mailbox
 * is watched by one node; see {@code dev.mailroom.cluster}), restarted when its configuration changes.
 */
@Component
class IdleWatchers implements SmartLifecycle, LeasedMailboxes {

    private final MailboxDirectory directory;
    private final MailSessionFactory sessions;
    private final PollNudges nudges;
    private final boolean enabled;
    private final Map<Long, IdleWatcher> watchers = new ConcurrentHashMap<>();
    private volatile Set<Long> held = Set.of();
    private volatile boolean running;

    IdleWatchers(MailboxDirectory directory, MailSessionFactory sessions, PollNudges nudges, FetchProperties properties) {
        this.directory = directory;
        this.sessions = sessions;
        this.nudges = nudges;
        this.enabled = properties.watchesIdle();
    }

    @Override
    public boolean takesLeases() {
        return enabled;
    }

    @Override
    public Set<Long> wanted() {
        return Set.copyOf(directory.enabledImapServerIds());
    }

    @Override
    public synchronized void holding(Set<Long> mailboxes) {
        held = Set.copyOf(mailboxes);
        for (Long serverId : new HashSet<>(watchers.keySet())) {
            if (!held.contains(serverId)) {
                stopWatching(serverId);
            }
        }
        held.stream().filter(serverId -> !watchers.containsKey(serverId)).forEach(this::watch);
    }

    /** Restarts the watcher of one mailbox after its configuration changed (if this node holds it). */
    synchronized void refresh(long serverId) {
        stopWatching(serverId);
        if (held.contains(serverId)) {
            watch(serverId);
        }
    }

    private void stopWatching(long serverId) {
        IdleWatcher previous = watchers.remove(serverId);
        if (previous != null) {
            previous.stop();
        }
    }

    private void watch(long serverId) {
        if (!enabled || !running) {
            return;
        }
        directory.findEnabled(serverId)
                .filter(MailboxToFetch::watchable)
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
    public synchronized void start() {
        running = true;
        holding(held);
    }

    @Override
    public synchronized void stop() {
        running = false;
        watchers.values().forEach(IdleWatcher::stop);
        watchers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
