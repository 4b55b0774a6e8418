package dev.mailroom.connectiontest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import dev.mailroom.transport.ServerTrust;

/** Security STARTTLS: plain greeting, capabilities, the STARTTLS command, then the TLS handshake on the same socket. */
final class StartTlsStep implements Step<MailboxProbe> {

    private final ServerTrust trust;

    StartTlsStep(ServerTrust trust) {
        this.trust = trust;
    }

    @Override
    public ConnectionStep id() {
        return ConnectionStep.STARTTLS;
    }

    @Override
    public Outcome run(MailboxProbe probe) throws IOException {
        MailDialogue dialogue = probe.dialogue();
        Greetings.Greeting greeting = Greetings.read(dialogue, probe.connection, false);
        if (greeting.failure() != null) {
            return greeting.failure();
        }
        List<String> answers = new ArrayList<>(List.of(greeting.line()));
        List<String> capabilities = dialogue.capabilities();
        answers.addAll(capabilities);
        if (!dialogue.offersStartTls(capabilities)) {
            return Outcome.failed("The server does not offer STARTTLS", String.join("\n", answers),
                    Hints.noStartTls(probe.connection));
        }
        MailDialogue.Reply reply = dialogue.startTls();
        answers.addAll(reply.lines());
        if (!reply.ok()) {
            return Outcome.failed("The server refused STARTTLS", String.join("\n", answers),
                    Hints.startTlsRefused(probe.connection));
        }
        Outcome handshake = TlsUpgrade.handshake(trust, probe, "The TLS handshake after STARTTLS");
        if (!handshake.passed()) {
            return Outcome.failed(handshake.detail(), String.join("\n", answers), handshake.hint());
        }
        probe.endDialogue(probe.dialogue());
        return Outcome.passed("Upgraded to TLS: " + handshake.detail(), String.join("\n", answers));
    }
}
