package dev.mailroom.intake;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Service;

import dev.mailroom.spool.InboundEmail;
import dev.mailroom.spool.InboundEmailRepository;
import dev.mailroom.spool.InboundState;
import dev.mailroom.storage.BlobRef;
import dev.mailroom.storage.BlobStore;
import dev.mailroom.web.ConflictException;
import dev.mailroom.web.NotFoundException;

/**
 * Judging an email again: after an admin fixed a filter (reprocess, with a preview first), or an uploaded email
 * tried against the current configuration (dry run). Only ignored and failed emails are reprocessed: a processed one
 * already made its ticket or reply, and a received one is still waiting for its first turn.
 */
@Service
public class IntakeReruns {

    private static final Set<InboundState> REPROCESSABLE = EnumSet.of(InboundState.IGNORED, InboundState.FAILED);

    private final InboundEmailRepository inbound;
    private final IntakeProcessor processor;
    private final BlobStore blobs;

    IntakeReruns(InboundEmailRepository inbound, IntakeProcessor processor, BlobStore blobs) {
        this.inbound = inbound;
        this.processor = processor;
        this.blobs = blobs;
    }

    public IntakeOutcome dryRun(InputStream rawMessage, Long serverId) throws IOException {
        BlobRef raw = blobs.put(rawMessage);
        // Never stored as an inbound email: id 0 matches no row, and no Message-ID means "compare the parsed one".
        var uploaded = new InboundEmail(0, serverId == null ? 0 : serverId, InboundState.RECEIVED, null, false, raw.key(),
                null, null, null, Instant.now());
        return processor.judge(uploaded, true, InboundState.RECEIVED);
    }

    public IntakeOutcome preview(long inboundId) {
        InboundEmail email = reprocessable(inboundId);
        return processor.judge(email, true, email.state());
    }

    public IntakeOutcome reprocess(long inboundId) {
        InboundEmail email = reprocessable(inboundId);
        return processor.judge(email, false, email.state());
    }

    private InboundEmail reprocessable(long inboundId) {
        InboundEmail email = inbound.findById(inboundId).orElseThrow(() -> new NotFoundException("Inbound email", inboundId));
        if (!REPROCESSABLE.contains(email.state())) {
            throw new ConflictException("state", "Email " + inboundId + " is " + email.state()
                    + "; only IGNORED or FAILED emails are reprocessed (a PROCESSED one already has its ticket, a RECEIVED one is still queued)");
        }
        if (email.rawBlobKey() == null) {
            throw new ConflictException("state", "Email " + inboundId + " has no stored raw message to judge again");
        }
        return email;
    }
}
