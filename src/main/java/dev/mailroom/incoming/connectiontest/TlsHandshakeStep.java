package dev.mailroom.incoming.connectiontest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLSocket;

import dev.mailroom.incoming.connection.ServerTrust;

/** Security SSL/TLS: TLS from the first byte, then the greeting arrives encrypted. */
final class TlsHandshakeStep implements Step {

    private final ServerTrust trust;

    TlsHandshakeStep(ServerTrust trust) {
        this.trust = trust;
    }

    @Override
    public ConnectionStep id() {
        return ConnectionStep.TLS_HANDSHAKE;
    }

    @Override
    public Outcome run(Probe probe) throws IOException {
        SSLSocket tls = trust.layer(probe.socket, probe.connection, probe::certificatesPresented);
        probe.socket = tls;
        try {
            tls.startHandshake();
        } catch (IOException e) {
            return TlsFailures.outcome(e, probe, "The TLS handshake");
        }
        String session = Certificates.describe(tls.getSession(), probe.serverCertificate());
        MailDialogue dialogue = probe.dialogue();
        Greetings.Greeting greeting = Greetings.read(dialogue, probe.connection, true);
        if (greeting.failure() != null) {
            return greeting.failure();
        }
        List<String> answers = new ArrayList<>(List.of(greeting.line()));
        answers.addAll(dialogue.capabilities());
        probe.endDialogue(dialogue);
        return Outcome.passed("TLS established: " + session, String.join("\n", answers));
    }
}
