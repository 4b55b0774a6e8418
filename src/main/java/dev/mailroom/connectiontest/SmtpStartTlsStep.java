package dev.mailroom.connectiontest;

import java.io.IOException;

import dev.mailroom.transport.ServerTrust;

/** Security STARTTLS: the server must offer it in EHLO and agree with 220; then the TLS handshake on the same socket. */
final class SmtpStartTlsStep implements Step<SmtpProbe> {

    private final ServerTrust trust;

    SmtpStartTlsStep(ServerTrust trust) {
        this.trust = trust;
    }

    @Override
    public ConnectionStep id() {
        return ConnectionStep.STARTTLS;
    }

    @Override
    public Outcome run(SmtpProbe probe) throws IOException {
        if (probe.extension("STARTTLS").isEmpty()) {
            return Outcome.failed("The server does not offer STARTTLS (its EHLO answer does not list it)",
                    String.join("\n", probe.extensions), Hints.noStartTls(probe.connection));
        }
        SmtpDialogue.Reply reply = probe.dialogue().command("STARTTLS");
        if (!reply.is(220)) {
            return Outcome.failed("The server refused STARTTLS", reply.text(), Hints.startTlsRefused(probe.connection))
                    .withReplyCode(reply.code());
        }
        probe.socketUpgraded();
        Outcome handshake = TlsUpgrade.handshake(trust, probe, "The TLS handshake after STARTTLS");
        if (!handshake.passed()) {
            return Outcome.failed(handshake.detail(), reply.text(), handshake.hint()).withReplyCode(reply.code());
        }
        return Outcome.passed("Upgraded to TLS: " + handshake.detail(), reply.text()).withReplyCode(reply.code());
    }
}
