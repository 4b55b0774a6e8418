/**
 * The Cluster screen: every node with its state, last heartbeat, leased mailboxes and running work, refreshed by htmx,
 * from {@code cluster.ClusterStatus}. Uses the parent's {@code Htmx}; nothing imports it.
 */
package dev.mailroom.console.cluster;
