package dev.mailroom.cluster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.mailroom.platform.LocalHost;

/**
 * {@code mailroom.cluster.*}: this node's name (default: host name and process id), how often it beats, how long a
 * mailbox lease (and a node) lives without a beat, and after how long a node that is gone is no longer listed.
 */
@ConfigurationProperties("mailroom.cluster")
public record ClusterProperties(String nodeName, Duration heartbeatInterval, Duration leaseTime, Duration forgetAfter) {

    public ClusterProperties {
        nodeName = nodeName == null || nodeName.isBlank()
                ? LocalHost.name().orElse("node") + "-" + ProcessHandle.current().pid() : nodeName.strip();
        heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(1) : heartbeatInterval;
        leaseTime = leaseTime == null ? Duration.ofSeconds(5) : leaseTime;
        forgetAfter = forgetAfter == null ? Duration.ofDays(1) : forgetAfter;
        if (leaseTime.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("mailroom.cluster.lease-time (" + leaseTime
                    + ") must be at least twice mailroom.cluster.heartbeat-interval (" + heartbeatInterval + ")");
        }
    }
}
