/**
 * Large email attachments stored after their ticket: a db-scheduler worker takes the PENDING attachments and streams
 * each from its part of the raw email ({@code intake.parse.PartLocator}) into the blob store, retrying what may pass
 * and failing the rest with an audit entry. It uses the parent only for {@code InboundAuditEntries}; the parent does
 * not import it. Imports kernels, {@code tickets} and {@code intake.parse}; never an edge package.
 */
package dev.mailroom.intake.attachments;
