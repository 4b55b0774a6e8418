package dev.mailroom.intake.bounces;

/**
 * Why a bounce says a message could not be delivered, in words an admin reads in the Email Audit. Only the causes
 * that are the address's own fault ({@link #addressFailure()}) make it undeliverable: a full mailbox, a spam filter
 * or a message too large says nothing about whether the requester can be mailed tomorrow.
 */
public enum FailureCause {

    MAILBOX_UNKNOWN(true, true, "the mailbox does not exist"),
    DOMAIN_UNKNOWN(true, true, "the domain does not exist or takes no mail"),
    MAILBOX_GONE(true, true, "the mailbox is disabled or has moved"),
    MAILBOX_FULL(false, true, "the mailbox is full or over its quota"),
    MESSAGE_TOO_LARGE(false, false, "the message was too large for the receiving server"),
    SPAM_OR_POLICY(false, true, "the receiving server refused it as spam or by its policy"),
    CONTENT_REFUSED(false, false, "the receiving server refused its content"),
    OUR_SERVER_REFUSED(false, false, "the receiving server refused our sending server (relay, authentication, reputation)"),
    RATE_LIMITED(false, true, "the receiving server limits how much mail it takes"),
    TEMPORARY(false, true, "a temporary failure (the receiving server or the network may accept it later)"),
    UNCLEAR(false, true, "the report does not say that the address is at fault");

    private final boolean addressFailure;
    private final boolean recipientSide;
    private final String words;

    FailureCause(boolean addressFailure, boolean recipientSide, String words) {
        this.addressFailure = addressFailure;
        this.recipientSide = recipientSide;
        this.words = words;
    }

    /**
     * The cause lies with the recipient's side (its mailbox, its server, its filters), so it will likely bounce the
     * next notification too: repeated, such soft bounces mark the address for a while. Not so a message too large or
     * refused for its content (the next one differs) or a refusal of our own sending server (ours to fix).
     */
    public boolean recipientSide() {
        return recipientSide;
    }

    /** A permanent failure of the address itself: mail to it will not be delivered however often we try. */
    public boolean addressFailure() {
        return addressFailure;
    }

    public String words() {
        return words;
    }
}
