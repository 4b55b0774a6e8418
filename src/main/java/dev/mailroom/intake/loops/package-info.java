/**
 * The loop breaker: two of the parent's stages ({@code LoopBreakerStage} per sender, {@code ThreadLoopBreakerStage} per
 * ticket thread) that quarantine a sender or thread sending more than the loop limit, the quarantines with their
 * release ({@code /api/intake/quarantine}), and {@code Quarantines}, which answers the recipient gate's
 * {@code LoopQuarantines}. Imports the parent, {@code intake.parse}, {@code incoming}, {@code outgoing.recipients},
 * {@code tickets} and kernels; never an edge package.
 */
package dev.mailroom.intake.loops;
