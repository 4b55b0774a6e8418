package dev.mailroom.tickets;

import java.time.Instant;

/**
 * A file on a ticket, optionally on one of its conversations. {@code contentId} names an inline image that the
 * HTML refers to as {@code cid:}; {@code blobKey} is null until the bytes are stored. A file that came by email and
 * was too large to store with the ticket has its {@code source}, the {@code attempts} made to store it, and why the
 * last one failed ({@code lastError}; for a FAILED file, why it never will be stored).
 */
public record Attachment(long id, long ticketId, Long conversationId, String fileName, String contentType,
        long sizeBytes, String contentId, String blobKey, AttachmentState state, Instant createdAt, EmailPart source,
        int attempts, String lastError) {
}
