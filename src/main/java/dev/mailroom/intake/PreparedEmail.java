package dev.mailroom.intake;

import java.util.List;

import dev.mailroom.audit.TraceStep;
import dev.mailroom.incoming.IncomingServer;
import dev.mailroom.intake.parse.ParsedEmail;
import dev.mailroom.intake.preference.EmailPreference;
import dev.mailroom.spool.InboundEmail;

/**
 * An email ready for the stages: parsed ({@code parsed} is null when it could not be, and the preface says why),
 * with the server and Email Preference it is judged under and the trace steps that come before the stages'.
 */
record PreparedEmail(InboundEmail email, IncomingServer server, EmailPreference preference, ParsedEmail parsed,
        List<TraceStep> preface) {
}
