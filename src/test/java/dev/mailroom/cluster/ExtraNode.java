package dev.mailroom.cluster;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationContext;

import dev.mailroom.platform.SqlTime;

/**
 * Another cluster node inside a test's JVM: the real heartbeat and leases under its own name, on the test's database,
 * with IDLE work that only records which mailboxes it was given.
 */
public final class ExtraNode implements LeasedMailboxes, AutoCloseable {

    private final ClusterHeartbeat heartbeat;
    private volatile Set<Long> wanted;
    private volatile Set<Long> held = Set.of();

    private ExtraNode(ApplicationContext context, String name, Set<Long> wanted, Duration beat, Duration lease) {
        this.wanted = Set.copyOf(wanted);
        var properties = new ClusterProperties(name, beat, lease, Duration.ofDays(1));
        var work = new StaticListableBeanFactory(Map.of("work", this)).getBeanProvider(LeasedMailboxes.class);
        this.heartbeat = new ClusterHeartbeat(new LocalNode(name, "test", SqlTime.now()), properties,
                context.getBean(ClusterNodes.class), context.getBean(MailboxLeases.class), work);
    }

    /** A node beating every 100 ms with leases of one second, wanting these mailboxes. */
    public static ExtraNode start(ApplicationContext context, String name, Set<Long> wanted) {
        ExtraNode node = new ExtraNode(context, name, wanted, Duration.ofMillis(100), Duration.ofSeconds(1));
        node.heartbeat.start();
        return node;
    }

    public Set<Long> held() {
        return held;
    }

    @Override
    public boolean takesLeases() {
        return true;
    }

    @Override
    public Set<Long> wanted() {
        return wanted;
    }

    @Override
    public void holding(Set<Long> mailboxes) {
        held = mailboxes;
    }

    /** Stops cleanly: leases released, the node marked stopped. */
    @Override
    public void close() {
        heartbeat.stop();
    }
}
