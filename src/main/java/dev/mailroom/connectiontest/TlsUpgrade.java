package dev.mailroom.connectiontest;

import java.io.IOException;

import javax.net.ssl.SSLSocket;

import dev.mailroom.transport.ServerTrust;

/** Layers TLS over the probe's socket and shakes hands: right away for SSL/TLS, or after the server agreed to STARTTLS. */
final class TlsUpgrade {

    private TlsUpgrade() {
    }

    /** Passed with the TLS session and certificate described, or failed with what was wrong with them. */
    static Outcome handshake(ServerTrust trust, Probe probe, String what) throws IOException {
        SSLSocket tls = trust.layer(probe.socket, probe.endpoint, probe::certificatesPresented);
        probe.socket = tls;
        try {
            tls.startHandshake();
        } catch (IOException e) {
            return TlsFailures.outcome(e, probe, what);
        }
        return Outcome.passed(Certificates.describe(tls.getSession(), probe.serverCertificate()), null);
    }
}
