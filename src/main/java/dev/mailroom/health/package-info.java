/**
 * This node's health: a watch that checks every couple of seconds that the database is reachable, logs an outage, shows
 * it in the {@code mailroom} health indicator (and readiness), and writes DATABASE_RECOVERED to the Email Audit when it
 * ends. An edge: it imports only {@code audit} and {@code platform}; nothing imports it.
 */
package dev.mailroom.health;
