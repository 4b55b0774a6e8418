package dev.mailroom.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.mailroom.platform.SqlTime;

/** Every node of the cluster with its state, the mailboxes it holds and the scheduled work it runs. */
@Service
public class ClusterStatus {

    private final ClusterNodes nodes;
    private final ClusterProperties properties;
    private final LocalNode local;
    private final JdbcClient jdbc;

    ClusterStatus(ClusterNodes nodes, ClusterProperties properties, LocalNode local, JdbcClient jdbc) {
        this.nodes = nodes;
        this.properties = properties;
        this.local = local;
        this.jdbc = jdbc;
    }

    public List<ClusterNodeView> nodes() {
        Instant now = nodes.now();
        Map<String, List<ClusterNodeView.HeldMailbox>> held = heldMailboxes(now);
        Map<String, List<String>> running = runningWork();
        return nodes.all().stream().map(row -> {
            ClusterNodeView.State state = row.stoppedAt() != null ? ClusterNodeView.State.STOPPED
                    : row.lastHeartbeat().isAfter(now.minus(properties.leaseTime())) ? ClusterNodeView.State.ALIVE
                    : ClusterNodeView.State.DEAD;
            return new ClusterNodeView(row.name(), row.version(), row.startedAt(), row.lastHeartbeat(), row.stoppedAt(),
                    state, state == ClusterNodeView.State.ALIVE, row.name().equals(local.name()), row.watchesIdle(),
                    held.getOrDefault(row.name(), List.of()), running.getOrDefault(row.name(), List.of()));
        }).toList();
    }

    private Map<String, List<ClusterNodeView.HeldMailbox>> heldMailboxes(Instant now) {
        record Held(String node, ClusterNodeView.HeldMailbox mailbox) {
        }
        return jdbc.sql("""
                select l.node_name, l.server_id, s.name, l.expires_at from mailbox_lease l
                join incoming_server s on s.id = l.server_id
                where l.expires_at > :now order by s.name_key""")
                .param("now", SqlTime.toSql(now))
                .query((rs, row) -> new Held(rs.getString("node_name"), new ClusterNodeView.HeldMailbox(
                        rs.getLong("server_id"), rs.getString("name"), SqlTime.instant(rs, "expires_at"))))
                .list().stream()
                .collect(Collectors.groupingBy(Held::node, Collectors.mapping(Held::mailbox, Collectors.toList())));
    }

    /** db-scheduler's executions picked by each node, as "task" or "task instance" (a mailbox poll: its server id). */
    private Map<String, List<String>> runningWork() {
        record Running(String node, String work) {
        }
        return jdbc.sql("""
                select picked_by, task_name, task_instance from scheduled_tasks
                where picked = true and picked_by is not null order by task_name, task_instance""")
                .query((rs, row) -> new Running(rs.getString("picked_by"), describe(rs.getString("task_name"),
                        rs.getString("task_instance"))))
                .list().stream()
                .collect(Collectors.groupingBy(Running::node, Collectors.mapping(Running::work, Collectors.toList())));
    }

    private static String describe(String task, String instance) {
        return "recurring".equals(instance) ? task : task + " " + instance;
    }
}
