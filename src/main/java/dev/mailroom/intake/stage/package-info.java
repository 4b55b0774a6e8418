/**
 * The intake's stages, one question each (duplicate, own mail, bounce, sender filter, Reply-To, guest, threading,
 * reply, automated mail, CC/BCC, Email-to-Request, server defaults, create ticket, …), each implementing the parent's
 * {@code IntakeStage}; the parent's {@code IntakeStages} puts them in order. Imports the parent, {@code intake.parse},
 * {@code incoming}, {@code outgoing.outbox} and {@code outgoing.recipients} (for bounces), desk records and kernels;
 * never an edge package.
 */
package dev.mailroom.intake.stage;
