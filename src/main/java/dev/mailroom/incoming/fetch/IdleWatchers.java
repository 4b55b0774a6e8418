package dev.mailroom.incoming.fetch;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.mailroom.cluster.LeasedMailboxes;
import dev.mailroom.platform.DaemonThreads;
import dev.mailroom.transport.MailSessionFactory;

/**
 * One IDLE watcher thread per enabled IMAP mailbox whose lease this node holds (with several nodes, each mailbox
 * is watched by one node; see {@code dev.mailroom.cluster}), restarted when its configuration changes, and each
 * watcher's connection checked every {@code mailroom.incoming.idle-refresh} (see {@link IdleWatcher#refresh()}).
 */
@Component
class IdleWatchers implements SmartLifecycle, DisposableBean, LeasedMailboxes {

    private final MailboxDirectory directory;
    private final MailSessionFactory sessions;
    private final PollNudges nudges;
    private final boolean enabled;
    private final Duration refreshEvery;
    private final Map<Long, IdleWatcher> watchers = new ConcurrentHashMap<>();
    private final Map<Long, ScheduledFuture<?>> refreshes = new ConcurrentHashMap<>();
    private final ScheduledExecutorService refresher =
            Executors.newScheduledThreadPool(2, DaemonThreads.named("idle-refresh"));
    private volatile Set<Long> held = Set.of();
    private volatile boolean running;

    IdleWatchers(MailboxDirectory directory, MailSessionFactory sessions, PollNudges nudges, FetchProperties properties) {
        this.directory = directory;
        this.sessions = sessions;
        this.nudges = nudges;
        this.enabled = properties.watchesIdle();
        this.refreshEvery = properties.idleRefresh();
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
        ScheduledFuture<?> refresh = refreshes.remove(serverId);
        if (refresh != null) {
            refresh.cancel(false);
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
                    long millis = refreshEvery.toMillis();
                    refreshes.put(serverId, refresher.scheduleWithFixedDelay(watcher::refresh, millis, millis,
                            TimeUnit.MILLISECONDS));
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
        refreshes.values().forEach(refresh -> refresh.cancel(false));
        refreshes.clear();
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
