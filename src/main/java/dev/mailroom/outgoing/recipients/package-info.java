/**
 * The recipient gate: {@code RecipientGate} decides every reason a recipient is left out (SEND_IGNORED), when queued
 * (no-reply patterns, undeliverable addresses, tickets made from automatic mail, loop quarantines) and when sent (the
 * server's ignore filter); also the undeliverable-address list and {@code /api/recipient-suppressions}. Quarantines
 * come through {@code LoopQuarantines}, which the intake implements, so this package never imports the intake; it
 * imports the parent's settings, {@code tickets}, {@code audit} and the base.
 */
package dev.mailroom.outgoing.recipients;
