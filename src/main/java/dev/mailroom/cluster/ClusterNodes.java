package dev.mailroom.cluster;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.mailroom.platform.SqlTime;

/**
 * The node table. Times come from the database's clock ({@link #now()}), the one clock every node shares, so a node
 * whose own clock is off can neither keep a lease too long nor lose it too early.
 */
@Repository
public class ClusterNodes {

    private final JdbcClient jdbc;

    ClusterNodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A node as the table has it. */
    public record Row(String name, String version, Instant startedAt, Instant lastHeartbeat, Instant stoppedAt,
            boolean watchesIdle) {
    }

    Instant now() {
        return jdbc.sql("select current_timestamp").query(OffsetDateTime.class).single().toInstant();
    }

    /** Records this node's beat (its row is written on the first one, and again after a restart under the same name). */
    void beat(LocalNode node, boolean watchesIdle, Instant now) {
        if (update(node, watchesIdle, now) == 0) {
            try {
                jdbc.sql("""
                        insert into cluster_node (name, version, started_at, last_heartbeat, stopped_at, watches_idle)
                        values (:name, :version, :started, :now, null, :idle)""")
                        .param("name", node.name()).param("version", node.version())
                        .param("started", SqlTime.toSql(node.startedAt())).param("now", SqlTime.toSql(now))
                        .param("idle", watchesIdle).update();
            } catch (DuplicateKeyException e) {
                update(node, watchesIdle, now);
            }
        }
    }

    private int update(LocalNode node, boolean watchesIdle, Instant now) {
        return jdbc.sql("""
                update cluster_node set version = :version, started_at = :started, last_heartbeat = :now,
                    stopped_at = null, watches_idle = :idle
                where name = :name""")
                .param("name", node.name()).param("version", node.version())
                .param("started", SqlTime.toSql(node.startedAt())).param("now", SqlTime.toSql(now))
                .param("idle", watchesIdle).update();
    }

    void stopped(LocalNode node, Instant now) {
        jdbc.sql("update cluster_node set stopped_at = :now where name = :name and started_at = :started")
                .param("now", SqlTime.toSql(now)).param("name", node.name())
                .param("started", SqlTime.toSql(node.startedAt())).update();
    }

    /** Nodes that keep IDLE connections and beat since {@code aliveSince}: those the mailboxes are shared among. */
    int aliveWatchers(Instant aliveSince) {
        return jdbc.sql("""
                select count(*) from cluster_node
                where watches_idle = true and stopped_at is null and last_heartbeat > :since""")
                .param("since", SqlTime.toSql(aliveSince)).query(Integer.class).single();
    }

    /** Removes nodes not heard of since {@code before}; returns how many. */
    int forget(Instant before) {
        return jdbc.sql("delete from cluster_node where last_heartbeat < :before")
                .param("before", SqlTime.toSql(before)).update();
    }

    public List<Row> all() {
        return jdbc.sql("select * from cluster_node order by name")
                .query((rs, row) -> new Row(rs.getString("name"), rs.getString("version"),
                        SqlTime.instant(rs, "started_at"), SqlTime.instant(rs, "last_heartbeat"),
                        SqlTime.instant(rs, "stopped_at"), rs.getBoolean("watches_idle")))
                .list();
    }
}
