package dev.mailroom.outgoing.sending;

import dev.mailroom.audit.AuditMessages;

/** The audit messages of the sender beyond the FAQ's own words, written in its style. */
final class SendMessages {

    static final String SENT = "Sent";
    static final String INVALID_ADDRESS = "Recipient address is not a valid email address: ";

    private SendMessages() {
    }

    /** The FAQ's words, then the cause: "configuration is not proper or recipients list is empty: …". */
    static String configurationNotProper(String cause) {
        return AuditMessages.CONFIGURATION_NOT_PROPER + ": " + cause;
    }
}
