package dev.mailroom.intake.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.mailroom.intake.parse.PartLocator.PartNotReadable;
import dev.mailroom.intake.parse.PartLocator;
import dev.mailroom.platform.ByteSizes;
import dev.mailroom.platform.SqlTime;
import dev.mailroom.spool.InboundEmail;
import dev.mailroom.spool.InboundEmailRepository;
import dev.mailroom.storage.BlobRef;
import dev.mailroom.storage.BlobStore;
import dev.mailroom.tickets.Attachment;
import dev.mailroom.tickets.AttachmentService;
import dev.mailroom.tickets.EmailPart;

/**
 * Makes one attempt at a PENDING attachment: finds its part in the raw email again and streams the decoded bytes into
 * the blob store, then marks it STORED. What can never succeed (the raw email gone, the part missing or unreadable,
 * the file over the size limit) fails it at once; what may pass (reading or writing the store) is retried later with
 * a growing delay, until the attempts run out.
 */
@Component
class PendingAttachmentStorer {

    private final AttachmentService attachments;
    private final InboundEmailRepository inbound;
    private final BlobStore blobs;
    private final PartLocator locator;
    private final AttachmentFailures failures;
    private final AttachmentProperties properties;

    PendingAttachmentStorer(AttachmentService attachments, InboundEmailRepository inbound, BlobStore blobs,
            PartLocator locator, AttachmentFailures failures, AttachmentProperties properties) {
        this.attachments = attachments;
        this.inbound = inbound;
        this.blobs = blobs;
        this.locator = locator;
        this.failures = failures;
        this.properties = properties;
    }

    void attempt(Attachment attachment) {
        // Counted before it is made, so an attempt that takes the node down still counts towards the limit.
        if (!attachments.countAttempt(attachment.id())) {
            return;
        }
        int attempt = attachment.attempts() + 1;
        try {
            attachments.markStored(attachment.id(), store(attachment));
        } catch (NeverStorable e) {
            failures.record(attachment, attempt, e.getMessage());
        } catch (IOException | RuntimeException e) {
            String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            if (attempt >= properties.maxAttempts()) {
                failures.record(attachment, attempt, "storing it failed " + attempt + " times, the last time with "
                        + error);
            } else {
                attachments.retryAt(attachment.id(), SqlTime.now().plus(properties.delayAfter(attempt)), error);
            }
        }
    }

    private BlobRef store(Attachment attachment) throws IOException, NeverStorable {
        long maxBytes = properties.maxSize().toBytes();
        if (attachment.sizeBytes() > maxBytes) {
            throw overLimit(maxBytes);
        }
        EmailPart source = attachment.source();
        if (source == null) {
            throw new NeverStorable("nothing records which email it came in");
        }
        InboundEmail email = inbound.findById(source.inboundEmailId())
                .orElseThrow(() -> new NeverStorable("the email it came in is no longer recorded"));
        Optional<InputStream> raw = email.rawBlobKey() == null ? Optional.empty() : blobs.open(email.rawBlobKey());
        if (raw.isEmpty()) {
            throw new NeverStorable("the raw email is no longer available");
        }
        Optional<BlobRef> stored;
        try (InputStream in = raw.get()) {
            stored = locator.read(in, source.partNumber(), content -> blobs.putAtMost(content, maxBytes));
        } catch (PartNotReadable e) {
            throw new NeverStorable(e.getMessage());
        }
        if (stored.isEmpty()) {
            throw overLimit(maxBytes);
        }
        // The walk numbers parts as the parser did; a different size means it found another part, not this file.
        if (stored.get().size() != attachment.sizeBytes()) {
            throw new NeverStorable("part " + source.partNumber() + " of the raw email now holds "
                    + ByteSizes.words(stored.get().size()) + ", not the file measured when the email arrived");
        }
        return stored.get();
    }

    private static NeverStorable overLimit(long maxBytes) {
        return new NeverStorable("it is larger than the limit of " + ByteSizes.words(maxBytes)
                + " (mailroom.intake.attachments.max-size)");
    }

    /** A reason that no retry will change, in words that complete "could not be stored: …". */
    private static final class NeverStorable extends Exception {
        NeverStorable(String reason) {
            super(reason);
        }
    }
}
