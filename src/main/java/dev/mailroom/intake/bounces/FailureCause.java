package dev.mailroom.intake.bounces;

/**
 * Why a bounce says a message could not be delivered, in words an admin reads in the Email Audit. Only the causes
 * that are the address's own fault ({@link #addressFailure()}) make it undeliverable: a full mailbox, a spam filter
 * or a message too large says nothing about whether the requester can be mailed tomorrow.
 */
public enum FailureCause {

    MAILBOX_UNKNOWN(true, "the mailbox does not exist"),
    DOMAIN_UNKNOWN(true, "the domain does not exist or takes no mail"),
    MAILBOX_GONE(true, "the mailbox is disabled or has moved"),
    MAILBOX_FULL(false, "the mailbox is full or over its quota"),
    MESSAGE_TOO_LARGE(false, "the message was too large for the receiving server"),
    SPAM_OR_POLICY(false, "the receiving server refused it as spam or by its policy"),
    CONTENT_REFUSED(false, "the receiving server refused its content"),
    OUR_SERVER_REFUSED(false, "the receiving server refused our sending server (relay, authentication, reputation)"),
    RATE_LIMITED(false, "the receiving server limits how much mail it takes"),
    TEMPORARY(false, "a temporary failure (the receiving server or the network may accept it later)"),
    UNCLEAR(false, "the report does not say that the address is at fault");

    private final boolean addressFailure;
    private final String words;

    FailureCause(boolean addressFailure, String words) {
        this.addressFailure = addressFailure;
        this.words = words;
    }

    /** A permanent failure of the address itself: mail to it will not be delivered however often we try. */
    public boolean addressFailure() {
        return addressFailure;
    }

    public String words() {
        return words;
    }
}
