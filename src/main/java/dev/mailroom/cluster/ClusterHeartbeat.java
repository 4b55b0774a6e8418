package dev.mailroom.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.mailroom.platform.DaemonThreads;

/**
 * This node's beat, every {@code mailroom.cluster.heartbeat-interval}: its row in the node table, its mailbox leases
 * renewed, and its fair share of the mailboxes taken or given back (see {@link LeaseShare}). When the database cannot
 * be reached the node keeps its leased work only until its leases would have expired, as another node may take them
 * then. Stopping cleanly releases the leases at once, so other nodes take them at their next beat.
 */
@Component
public class ClusterHeartbeat implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClusterHeartbeat.class);
    private static final int BEATS_BETWEEN_CLEAN_UPS = 300;

    private final LocalNode node;
    private final ClusterProperties properties;
    private final ClusterNodes nodes;
    private final MailboxLeases leases;
    private final ObjectProvider<LeasedMailboxes> leased;
    private final Random random = new Random();
    private ScheduledExecutorService beats;
    private volatile boolean running;
    private long lastRenewal = System.nanoTime();
    private boolean failing;
    private int beatsSinceCleanUp = BEATS_BETWEEN_CLEAN_UPS;

    ClusterHeartbeat(LocalNode node, ClusterProperties properties, ClusterNodes nodes, MailboxLeases leases,
            ObjectProvider<LeasedMailboxes> leased) {
        this.node = node;
        this.properties = properties;
        this.nodes = nodes;
        this.leases = leases;
        this.leased = leased;
    }

    @Override
    public synchronized void start() {
        beats = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("cluster-heartbeat"));
        running = true;
        beats.scheduleWithFixedDelay(this::beat, 0, properties.heartbeatInterval().toMillis(), TimeUnit.MILLISECONDS);
        log.info("Cluster node {} (version {}) beats every {} ms; leases last {} ms", node.name(), node.version(),
                properties.heartbeatInterval().toMillis(), properties.leaseTime().toMillis());
    }

    /** A beat as soon as possible (a mailbox was added, enabled or disabled), not at the next turn. */
    public void beatSoon() {
        ScheduledExecutorService executor = beats;
        if (running && executor != null) {
            try {
                executor.execute(this::beat);
            } catch (RejectedExecutionException stopping) {
                // the node is stopping: its leases are being released anyway
            }
        }
    }

    private void beat() {
        LeasedMailboxes work = leased.getIfAvailable();
        try {
            Set<Long> held = beatOnce(work);
            lastRenewal = System.nanoTime();
            if (failing) {
                log.info("Cluster node {} reaches the database again", node.name());
                failing = false;
            }
            if (work != null) {
                work.holding(held);
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("Cluster node {} could not beat: {}", node.name(), e.toString());
                failing = true;
            }
            Duration unrenewed = Duration.ofNanos(System.nanoTime() - lastRenewal);
            if (work != null && unrenewed.plus(properties.heartbeatInterval()).compareTo(properties.leaseTime()) >= 0) {
                work.holding(Set.of()); // our leases are about to expire: another node may hold them next
            }
        }
    }

    private Set<Long> beatOnce(LeasedMailboxes work) {
        boolean takesLeases = running && work != null && work.takesLeases();
        Instant now = nodes.now();
        nodes.beat(node, takesLeases, now);
        Instant expires = now.plus(properties.leaseTime());
        List<Long> held = new ArrayList<>(leases.renew(node.name(), now, expires));
        if (!takesLeases) {
            if (!held.isEmpty()) {
                leases.releaseAll(node.name());
            }
            return Set.of();
        }
        int liveNodes = nodes.aliveWatchers(now.minus(properties.leaseTime()));
        LeaseShare share = LeaseShare.decide(work.wanted(), held, leases.valid(now), liveNodes, random);
        for (Long serverId : share.release()) {
            leases.release(serverId, node.name());
            held.remove(serverId);
        }
        for (Long serverId : share.take()) {
            if (leases.take(serverId, node.name(), now, expires)) {
                held.add(serverId);
            }
        }
        if (++beatsSinceCleanUp >= BEATS_BETWEEN_CLEAN_UPS) {
            beatsSinceCleanUp = 0;
            nodes.forget(now.minus(properties.forgetAfter()));
        }
        return Set.copyOf(held);
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        beats.shutdown();
        try {
            beats.awaitTermination(5, TimeUnit.SECONDS);
            LeasedMailboxes work = leased.getIfAvailable();
            if (work != null) {
                work.holding(Set.of());
            }
            leases.releaseAll(node.name());
            nodes.stopped(node, nodes.now());
            log.info("Cluster node {} stopped and released its mailbox leases", node.name());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Cluster node {} could not release its leases ({}); they expire by themselves", node.name(),
                    e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server and before the scheduler and the data source, which it still needs. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }
}
