package dev.mailroom.audit;

import dev.mailroom.platform.Texts;

/**
 * The audit messages of the FAQ, word for word: an admin who knows the FAQ must find the same words on our screens.
 * (Sic: "Reference and In-ReplyTo are the same" is spelled as the FAQ spells it.)
 */
public final class AuditMessages {

    // PROCESSED_FAILED
    public static final String GUEST_NOT_ALLOWED = "Guest User is not allowed to create/update request";
    public static final String SUBJECT_MATCHED_OTHER_PREFIX = "Subject matched with other regex prefix";
    public static final String ORIGINAL_SENDER_IGNORED = "Original sender of email is ignored because marked as ignored";
    public static final String EMAIL_TO_REQUEST_OFF = "Do not create Request — Email To Request is OFF";
    public static final String ERROR_CREATING_REQUEST = "Getting error while creating Request / Conversation";

    // RECEIVED_IGNORED
    public static final String SYSTEM_ACKNOWLEDGMENT = "System acknowledgment mail";
    public static final String REFERENCE_LOOP = "Reference and In-ReplyTo are the same";
    public static final String SENDER_ARCHIVED_OR_DELETED = "From Email user is Archived/Deleted";
    public static final String CC_BCC_DISABLED = "Ticket Creation with CC/BCC is disabled";
    public static final String PROCESSED_BEFORE = "This email was processed before";
    public static final String SENDER_FILTERED = "Sender matched spam/ignore filter";
    public static final String REPLY_TO_IGNORED = "Reply-To email is marked as Ignored";

    // Beyond the FAQ: outcomes it has no row for, worded in its style.
    public static final String NO_SENDER_ADDRESS = "Email has no sender address to create a request for";
    public static final String AUTOMATIC_MAIL = "Automatic email, no request created";
    public static final String SENDER_QUARANTINED = "Mail loop suspected: sender quarantined";
    public static final String THREAD_QUARANTINED = "Mail loop suspected: ticket thread quarantined";
    public static final String QUARANTINE_RELEASED = "Mail loop quarantine released by admin";
    public static final String EMAIL_DISCARDED = "Email discarded by admin, it will not be processed again";

    // ATTACHMENT_PROCESSED_FAILED: the FAQ asks for "which file, why".
    public static String attachmentNotStored(String fileName, String size, String reason) {
        return "Attachment \"" + fileName + "\" (" + size + ") could not be stored: " + reason;
    }

    // OUTGOING
    public static final String CONFIGURATION_NOT_PROPER = "configuration is not proper or recipients list is empty";

    // SEND_DEFERRED: the attempt failed in a way that may pass; the failed step and the server's answer, and when next.
    public static String sendDeferred(String failure, String nextAttempt) {
        return "Not sent yet, tried again at " + nextAttempt + ": " + failure;
    }

    // SEND_FAILED from a bounce of one of our notifications: the failure, its cause in words, and what it did.
    public static final String BOUNCE_ADDRESS_MARKED = "the address is marked undeliverable";
    public static final String BOUNCE_ADDRESS_KEPT = "not a fault of the address: it stays deliverable";
    public static final String BOUNCE_NOT_OUR_RECIPIENT = "not marked: our email did not go to this address";

    public static String bounced(String failure, String cause, String outcome) {
        return "Bounced by the recipient's mail server: " + failure + " — " + cause + "; " + outcome;
    }

    public static String softBouncesMark(int count, long days, java.time.Instant until) {
        return "not a fault of the address, but its " + count + " soft bounces in " + days
                + " days mark it undeliverable until " + until;
    }

    /** The reason an address is marked for a while after repeated soft bounces, naming the latest bounce. */
    public static String temporarilyUndeliverable(int count, long days, java.time.Instant until, String failure,
            String cause, String bounceMessageId, long inboundEmailId) {
        return "temporarily undeliverable until " + until + ": " + count + " soft bounces in " + days + " days, the latest "
                + Texts.clip(failure, 500) + " — " + cause + " (bounce " + (bounceMessageId == null ? "" : Texts.clip(bounceMessageId, 200) + ", ")
                + "inbound email #" + inboundEmailId + ")";
    }

    /** The reason an address is marked undeliverable, naming the bounce that marked it. */
    public static String undeliverableByBounce(String failure, String cause, String bounceMessageId, long inboundEmailId) {
        return "undeliverable: " + Texts.clip(failure, 600) + " — " + cause + " (bounce "
                + (bounceMessageId == null ? "" : Texts.clip(bounceMessageId, 200) + ", ") + "inbound email #" + inboundEmailId + ")";
    }

    // SEND_IGNORED: why a recipient is left out, decided by the outgoing side's recipient gate.
    public static String recipientFiltered(String why) {
        return "Recipient matched spam/ignore filter: " + why;
    }

    public static String recipientNoReply(String recipient, String pattern) {
        return "Recipient " + recipient + " matches the no-reply pattern \"" + pattern + "\"";
    }

    public static String recipientUndeliverable(String recipient, String reason) {
        return "Recipient " + recipient + " is marked undeliverable: " + reason;
    }

    public static String ticketFromAutomaticMail(String ticket, String automaticMail) {
        return "Ticket " + ticket + " was created from automatic mail (" + automaticMail + ")";
    }

    public static String recipientQuarantined(String recipient, long quarantineId) {
        return "Recipient " + recipient + " is quarantined by the loop breaker (quarantine #" + quarantineId + ")";
    }

    public static String threadQuarantined(String ticket, long quarantineId) {
        return "The thread of " + ticket + " is quarantined by the loop breaker (quarantine #" + quarantineId + ")";
    }

    // FETCH_FAILED / SEND_FAILED of a server on OAuth 2.0 that must be authorized again, naming the provider that
    // refused and the one action that helps here.
    public static String oauthStopped(boolean incoming, String provider) {
        return "The OAuth access token expired or " + provider + " revoked it, so Mailroom can no longer "
                + (incoming ? "sign in to this mailbox" : "send emails through this server")
                + ". Click Re-authorize on the server (its OAuth 2.0 page, under Admin › Support Channels › Emails) and "
                + "sign in with an account allowed to grant the access; the mail that waited is "
                + (incoming ? "fetched" : "sent") + " then.";
    }

    private AuditMessages() {
    }
}
