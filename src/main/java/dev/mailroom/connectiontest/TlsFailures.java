package dev.mailroom.connectiontest;

import java.io.EOFException;
import java.net.SocketTimeoutException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;

import dev.mailroom.transport.MailEndpoint;

/**
 * Tells apart why a TLS handshake failed: an untrusted or expired certificate, a certificate for another host name,
 * plain text where TLS was expected, or no common TLS version. The JDK only says so in exception types and messages.
 */
final class TlsFailures {

    private TlsFailures() {
    }

    static Outcome outcome(Exception e, Probe probe, String what) {
        MailEndpoint c = probe.endpoint;
        String certificate = Certificates.describe(probe.serverCertificate());
        String detail = what + " failed: " + e.getMessage();
        if (has(e, CertificateExpiredException.class) || has(e, CertificateNotYetValidException.class)) {
            return Outcome.failed(detail, null, Hints.certificateExpired(certificate));
        }
        if (says(e, "no subject alternative", "no name matching", "subject alternative names present")) {
            return Outcome.failed(detail, null, Hints.hostnameMismatch(c, certificate));
        }
        if (has(e, CertPathBuilderException.class) || has(e, CertPathValidatorException.class)
                || says(e, "pkix path", "unable to find valid certification path")) {
            return Outcome.failed(detail, null, Hints.untrustedCertificate(certificate));
        }
        if (says(e, "unrecognized ssl message", "plaintext connection")) {
            return Outcome.failed(detail, null, Hints.serverSpeaksPlain(c));
        }
        if (has(e, SocketTimeoutException.class)) {
            return Outcome.failed(what + " got no answer within " + c.readTimeout().toSeconds() + " s", null,
                    Hints.tlsTimedOut(c));
        }
        if (says(e, "protocol_version", "handshake_failure", "no appropriate protocol", "insufficient_security")) {
            return Outcome.failed(detail, null, Hints.noCommonTls());
        }
        if (has(e, EOFException.class) || says(e, "remote host terminated", "connection reset")) {
            return Outcome.failed(detail, null, Hints.tlsHandshakeClosed(c));
        }
        return Outcome.failed(detail, null, Hints.tlsFailed(c));
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean says(Throwable e, String... fragments) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            for (String fragment : fragments) {
                if (message.contains(fragment)) {
                    return true;
                }
            }
        }
        return false;
    }
}
