package dev.mailroom.connectiontest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.cert.X509Certificate;
import java.util.List;

import dev.mailroom.transport.MailEndpoint;

/**
 * What one test run has found and opened so far, handed from step to step and closed at the end. This part is what
 * every protocol shares: the resolved addresses, the socket and the certificates seen; subclasses add their own.
 */
class Probe implements AutoCloseable {

    final MailEndpoint endpoint;
    List<InetAddress> addresses = List.of();
    Socket socket;
    private X509Certificate[] presentedChain;

    Probe(MailEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    void certificatesPresented(X509Certificate[] chain) {
        this.presentedChain = chain.clone();
    }

    /** The server certificate seen during the last TLS handshake, trusted or not; null if none was seen. */
    X509Certificate serverCertificate() {
        return presentedChain == null || presentedChain.length == 0 ? null : presentedChain[0];
    }

    void closeSocket() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a test connection; nothing depends on it
            }
            socket = null;
        }
    }

    @Override
    public void close() {
        closeSocket();
    }
}
