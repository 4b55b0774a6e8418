/**
 * Several nodes on one database: this node's identity ({@code LocalNode}), the node table and heartbeats, mailbox
 * leases shared fairly among the live nodes (each IMAP IDLE connection is held by one node), and the cluster status
 * with {@code /api/cluster/nodes}. Work tied to a mailbox plugs in through {@code LeasedMailboxes}, which
 * {@code incoming.fetch} implements. A kernel: imports only {@code platform}, never a feature.
 */
package dev.mailroom.cluster;
