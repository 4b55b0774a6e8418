package dev.mailroom.console.incoming;

import dev.mailroom.incoming.IncomingServer;
import dev.mailroom.incoming.fetch.MailboxStatus;

/** One line of the Incoming Email Servers list: the server's settings beside its fetching state. */
public record IncomingServerRow(IncomingServer server, MailboxStatus status) {

    public String address() {
        var settings = server.settings();
        return settings.protocol() + " " + settings.host() + ":" + settings.port() + " · " + settings.security().label();
    }

    /** What the list's state column says first: off, never fetched, failing, or fine. */
    public String health() {
        if (!server.enabled()) {
            return "disabled";
        }
        if (status.consecutiveFailures() > 0) {
            return "failing";
        }
        return status.lastSuccessAt() == null ? "not fetched yet" : "fetching";
    }
}
