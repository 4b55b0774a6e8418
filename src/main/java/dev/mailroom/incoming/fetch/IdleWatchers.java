package dev.mailroom.incoming.fetch;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.mailroom.incoming.connection.MailProtocol;
import dev.mailroom.incoming.connection.MailSessionFactory;
import dev.mailroom.platform.DaemonThreads;

/**
 * One IDLE watcher thread per enabled IMAP mailbox, restarted when its configuration changes, and each watcher's
 * connection checked every {@code mailroom.incoming.idle-refresh} (see {@link IdleWatcher#refresh()}).
 */
@Component
class IdleWatchers implements SmartLifecycle, DisposableBean {

    private final MailboxDirectory directory;
    private final MailSessionFactory sessions;
    private final PollNudges nudges;
    private final boolean enabled;
    private final Duration refreshEvery;
    private final Map<Long, IdleWatcher> watchers = new ConcurrentHashMap<>();
    private final Map<Long, ScheduledFuture<?>> refreshes = new ConcurrentHashMap<>();
    private final ScheduledExecutorService refresher =
            Executors.newScheduledThreadPool(2, DaemonThreads.named("idle-refresh"));
    private volatile boolean running;

    IdleWatchers(MailboxDirectory directory, MailSessionFactory sessions, PollNudges nudges, FetchProperties properties) {
        this.directory = directory;
        this.sessions = sessions;
        this.nudges = nudges;
        this.enabled = properties.watchesIdle();
        this.refreshEvery = properties.idleRefresh();
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
        ScheduledFuture<?> refresh = refreshes.remove(serverId);
        if (refresh != null) {
            refresh.cancel(false);
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
                    long millis = refreshEvery.toMillis();
                    refreshes.put(serverId, refresher.scheduleWithFixedDelay(watcher::refresh, millis, millis,
                            TimeUnit.MILLISECONDS));
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
