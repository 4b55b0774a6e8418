/**
 * Email Audit › Quarantine: the senders and ticket threads the loop breaker quarantined, with Release, and the poison
 * emails the intake could not finish, with Retry and Delete. Uses the parent's shared parts, {@code intake} and
 * {@code intake.loops}; nothing imports it.
 */
package dev.mailroom.console.quarantine;
