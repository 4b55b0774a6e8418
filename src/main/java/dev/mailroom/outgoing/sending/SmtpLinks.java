package dev.mailroom.outgoing.sending;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.mailroom.transport.SmtpConnection;
import dev.mailroom.transport.SmtpSessions;

/**
 * The SMTP connections of one sender run, kept from batch to batch: each lane to a server (see {@link SendingWorkers})
 * connects once per run (TCP, TLS handshake, AUTH) rather than once per batch. A lane is used by one thread at a time;
 * a connect failure holds for the rest of the run, so a server that is down is not tried again for every batch.
 */
final class SmtpLinks implements AutoCloseable {

    private record Lane(SmtpConnection connection, int number) {
    }

    private final SmtpSessions sessions;
    private final Map<Lane, SmtpLink> links = new ConcurrentHashMap<>();

    SmtpLinks(SmtpSessions sessions) {
        this.sessions = sessions;
    }

    SmtpLink lane(SmtpConnection connection, int number) {
        return links.computeIfAbsent(new Lane(connection, number), lane -> new SmtpLink(sessions, lane.connection()));
    }

    @Override
    public void close() {
        links.values().forEach(SmtpLink::close);
        links.clear();
    }
}
