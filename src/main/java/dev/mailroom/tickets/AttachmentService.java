package dev.mailroom.tickets;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mailroom.platform.SqlTime;
import dev.mailroom.storage.BlobRef;
import dev.mailroom.storage.BlobStore;
import dev.mailroom.web.BadRequestException;
import dev.mailroom.web.NotFoundException;

/**
 * Files on tickets. Bytes live in the {@link BlobStore}; a row records name, type, size and state. A blob whose row
 * was never written (a failed upload) is harmless: it is content-addressed and only wastes space.
 */
@Service
public class AttachmentService {

    private final AttachmentRepository attachments;
    private final TicketRepository tickets;
    private final ConversationRepository conversations;
    private final BlobStore blobs;

    AttachmentService(AttachmentRepository attachments, TicketRepository tickets,
            ConversationRepository conversations, BlobStore blobs) {
        this.attachments = attachments;
        this.tickets = tickets;
        this.conversations = conversations;
        this.blobs = blobs;
    }

    /** Streams the content into the blob store and records it on the ticket as STORED. */
    public Attachment upload(long ticketId, String fileName, String contentType, InputStream content) throws IOException {
        requireTicket(ticketId);
        BlobRef blob = blobs.put(content);
        return add(ticketId, null, NewAttachment.stored(fileName, contentType, null, blob));
    }

    /** Records an attachment on a ticket, and on one of its conversations if {@code conversationId} is set. */
    @Transactional
    public Attachment add(long ticketId, Long conversationId, NewAttachment attachment) {
        requireTicket(ticketId);
        if (conversationId != null && conversations.findById(conversationId)
                .filter(conversation -> conversation.ticketId() == ticketId).isEmpty()) {
            throw new BadRequestException("conversationId", "Conversation " + conversationId + " is not on this ticket");
        }
        return attachments.insert(ticketId, conversationId, attachment.cleaned(), SqlTime.now());
    }

    public List<Attachment> list(long ticketId) {
        return attachments.findByTicket(ticketId);
    }

    /** The attachment, only if it belongs to this ticket. */
    public Optional<Attachment> find(long ticketId, long attachmentId) {
        return attachments.findById(attachmentId).filter(attachment -> attachment.ticketId() == ticketId);
    }

    /** The bytes of a STORED attachment; empty if it is not stored or its blob is gone. The caller closes the stream. */
    public Optional<InputStream> open(Attachment attachment) throws IOException {
        if (attachment.state() != AttachmentState.STORED || attachment.blobKey() == null) {
            return Optional.empty();
        }
        return blobs.open(attachment.blobKey());
    }

    /** A PENDING attachment's bytes arrived; false if it was not pending. */
    public boolean markStored(long attachmentId, BlobRef blob) {
        return attachments.markStored(attachmentId, blob);
    }

    /** A PENDING attachment will never arrive, for the reason given; false if it was not pending. */
    public boolean markFailed(long attachmentId, String reason) {
        return attachments.markFailed(attachmentId, reason);
    }

    /** PENDING attachments whose next attempt is due, longest waiting first. */
    public List<Attachment> duePending(int limit) {
        return attachments.duePending(SqlTime.now(), limit);
    }

    /** Counts an attempt before it is made, so that one which never ends (a crash) still counts; false if not pending. */
    public boolean countAttempt(long attachmentId) {
        return attachments.countAttempt(attachmentId);
    }

    /** An attempt failed in a way that may pass; the next one is due at {@code next}. False if it was not pending. */
    public boolean retryAt(long attachmentId, Instant next, String error) {
        return attachments.retryAt(attachmentId, next, error);
    }

    private void requireTicket(long ticketId) {
        if (tickets.findById(ticketId).isEmpty()) {
            throw new NotFoundException("Ticket", ticketId);
        }
    }
}
