package dev.mailroom.connectiontest;

import java.io.IOException;

import dev.mailroom.transport.ServerTrust;

/** Security SSL/TLS: TLS from the first byte; the greeting that follows arrives encrypted. */
final class SmtpTlsHandshakeStep implements Step<SmtpProbe> {

    private final ServerTrust trust;

    SmtpTlsHandshakeStep(ServerTrust trust) {
        this.trust = trust;
    }

    @Override
    public ConnectionStep id() {
        return ConnectionStep.TLS_HANDSHAKE;
    }

    @Override
    public Outcome run(SmtpProbe probe) throws IOException {
        Outcome handshake = TlsUpgrade.handshake(trust, probe, "The TLS handshake");
        probe.socketUpgraded();
        return handshake.passed() ? Outcome.passed("TLS established: " + handshake.detail(), null) : handshake;
    }
}
