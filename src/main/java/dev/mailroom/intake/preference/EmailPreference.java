package dev.mailroom.intake.preference;

import java.time.Instant;

/**
 * The FAQ's Email Preference: whether unknown senders may create tickets (as guest users), whether the Reply-To
 * address stands for the sender, and whether email creates requests at all. {@code version} counts changes.
 */
public record EmailPreference(boolean guestTicketCreation, boolean useReplyToAddress, boolean emailToRequest,
        int version, Instant updatedAt, String updatedBy) {
}
