package dev.mailroom.transport;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

import org.springframework.stereotype.Component;

/**
 * Which server certificates a mail connection accepts. By default those the JVM trust store vouches for, issued for
 * the host name that was configured. Only a server whose admin turned on "trust self-signed certificate" accepts
 * any certificate, and only that server: the choice never leaks into other connections.
 */
@Component
public class ServerTrust {

    /** The endpoint identification Angus Mail applies for {@code ssl.checkserveridentity}; the socket steps use the same. */
    static final String HOSTNAME_CHECK = "LDAPS";

    private final X509ExtendedTrustManager trusted;
    private final SSLSocketFactory verifying;
    private final SSLSocketFactory trustingAny;

    public ServerTrust() {
        this(jvmTrustManager(null));
    }

    private ServerTrust(X509TrustManager trusted) {
        this.trusted = wrap(trusted);
        this.verifying = factory(this.trusted);
        this.trustingAny = factory(new TrustAny());
    }

    /** Trusts the certificates in this store instead of the JVM's (tests, or a desk-specific trust store later). */
    public static ServerTrust trusting(KeyStore trustStore) {
        return new ServerTrust(jvmTrustManager(trustStore));
    }

    public boolean checksHostname(MailEndpoint connection) {
        return !connection.trustSelfSignedCertificate();
    }

    public SSLSocketFactory socketFactory(MailConnection connection) {
        return socketFactory(connection.trustSelfSignedCertificate());
    }

    /** For connections that are not mailboxes (SMTP): any certificate only when the admin chose so for that server. */
    public SSLSocketFactory socketFactory(boolean trustSelfSignedCertificate) {
        return trustSelfSignedCertificate ? trustingAny : verifying;
    }

    /** Like {@link #socketFactory(MailConnection)}, telling {@code observer} which certificates the server presented. */
    public SSLSocketFactory socketFactory(MailEndpoint connection, CertificateObserver observer) {
        X509ExtendedTrustManager manager = connection.trustSelfSignedCertificate() ? new TrustAny() : trusted;
        return factory(new Observing(manager, observer));
    }

    /** Layers TLS over a connected socket (for SSL/TLS right away, or after STARTTLS); the handshake is not started. */
    public SSLSocket layer(Socket plain, MailEndpoint connection, CertificateObserver observer) throws IOException {
        SSLSocket socket = (SSLSocket) socketFactory(connection, observer)
                .createSocket(plain, connection.host(), connection.port(), true);
        if (checksHostname(connection)) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm(HOSTNAME_CHECK);
            socket.setSSLParameters(parameters);
        }
        return socket;
    }

    /** Hears the certificate chain a server presents, trusted or not, so a failure can say which certificate it was. */
    @FunctionalInterface
    public interface CertificateObserver {
        void presented(X509Certificate[] chain);
    }

    private static SSLSocketFactory factory(X509ExtendedTrustManager manager) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {manager}, null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is required of every Java runtime", e);
        }
    }

    private static X509TrustManager jvmTrustManager(KeyStore trustStore) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trustStore);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("The JVM has no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the trust store", e);
        }
    }

    private static X509ExtendedTrustManager wrap(X509TrustManager manager) {
        if (manager instanceof X509ExtendedTrustManager extended) {
            return extended;
        }
        throw new IllegalStateException("The JVM trust manager cannot check host names");
    }

    /** Accepts every certificate: the explicit per-server choice for self-signed certificates. */
    private static final class TrustAny extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    private static final class Observing extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager delegate;
        private final CertificateObserver observer;

        Observing(X509ExtendedTrustManager delegate, CertificateObserver observer) {
            this.delegate = delegate;
            this.observer = observer;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            observer.presented(chain);
            delegate.checkServerTrusted(chain, authType, socket);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            observer.presented(chain);
            delegate.checkServerTrusted(chain, authType, engine);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType)
                throws CertificateException {
            observer.presented(chain);
            delegate.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            delegate.checkClientTrusted(chain, authType, socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            delegate.checkClientTrusted(chain, authType, engine);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType)
                throws CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }
}
