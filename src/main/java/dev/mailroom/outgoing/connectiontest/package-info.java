/**
 * Test Connection of an outgoing server, saved or as typed: runs the {@code connectiontest} steps over SMTP or Graph,
 * composes the test email (marked as Mailroom's own automatic mail) and audits it as SENT or SEND_FAILED. It uses the
 * parent's settings and the parent's controller calls it, a cycle inside {@code outgoing}. Imports kernels,
 * {@code connectiontest} and {@code outgoing.outbox}; never {@code incoming}, {@code intake}, {@code notifications} or
 * an edge package.
 */
package dev.mailroom.outgoing.connectiontest;
