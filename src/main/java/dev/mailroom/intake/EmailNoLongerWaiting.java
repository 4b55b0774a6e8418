package dev.mailroom.intake;

import dev.mailroom.spool.InboundState;

/** The email left the state it was to be judged in: another node (or an admin's reprocess) decided it meanwhile. */
class EmailNoLongerWaiting extends IllegalStateException {

    EmailNoLongerWaiting(long id, InboundState expected) {
        super("Email " + id + " is no longer " + expected);
    }
}
