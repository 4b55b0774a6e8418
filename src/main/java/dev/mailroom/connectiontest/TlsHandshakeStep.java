package dev.mailroom.connectiontest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import dev.mailroom.transport.ServerTrust;

/** Security SSL/TLS: TLS from the first byte, then the greeting arrives encrypted. */
final class TlsHandshakeStep implements Step<MailboxProbe> {

    private final ServerTrust trust;

    TlsHandshakeStep(ServerTrust trust) {
        this.trust = trust;
    }

    @Override
    public ConnectionStep id() {
        return ConnectionStep.TLS_HANDSHAKE;
    }

    @Override
    public Outcome run(MailboxProbe probe) throws IOException {
        Outcome handshake = TlsUpgrade.handshake(trust, probe, "The TLS handshake");
        if (!handshake.passed()) {
            return handshake;
        }
        MailDialogue dialogue = probe.dialogue();
        Greetings.Greeting greeting = Greetings.read(dialogue, probe.connection, true);
        if (greeting.failure() != null) {
            return greeting.failure();
        }
        List<String> answers = new ArrayList<>(List.of(greeting.line()));
        answers.addAll(dialogue.capabilities());
        probe.endDialogue(dialogue);
        return Outcome.passed("TLS established: " + handshake.detail(), String.join("\n", answers));
    }
}
