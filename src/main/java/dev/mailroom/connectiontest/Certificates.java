package dev.mailroom.connectiontest;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.net.ssl.SSLSession;
import javax.security.auth.x500.X500Principal;

/** Describes a server certificate and a TLS session in one line an admin can compare with the server's setup. */
final class Certificates {

    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    private Certificates() {
    }

    static String describe(X509Certificate certificate) {
        if (certificate == null) {
            return null;
        }
        X500Principal subject = certificate.getSubjectX500Principal();
        X500Principal issuer = certificate.getIssuerX500Principal();
        List<String> names = names(certificate);
        LocalDate until = certificate.getNotAfter().toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
        return subject.getName(X500Principal.RFC2253)
                + (subject.equals(issuer) ? ", self-signed" : ", issued by " + issuer.getName(X500Principal.RFC2253))
                + ", for " + (names.isEmpty() ? "no host names" : String.join(" ", names))
                + ", valid until " + until;
    }

    static String describe(SSLSession session, X509Certificate certificate) {
        return session.getProtocol() + " with " + session.getCipherSuite()
                + (certificate == null ? "" : "; certificate " + describe(certificate));
    }

    private static List<String> names(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> alternative : alternatives) {
                    Object type = alternative.get(0);
                    if (type instanceof Integer kind && (kind == DNS_NAME || kind == IP_ADDRESS)) {
                        names.add(String.valueOf(alternative.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException ignored) {
            // a malformed extension only means the names are not shown
        }
        return names;
    }
}
