package dev.mailroom.incoming.connectiontest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.cert.X509Certificate;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.Store;

import dev.mailroom.incoming.connection.MailConnection;

/** What one test run has found and opened so far, handed from step to step and closed at the end. */
final class Probe implements AutoCloseable {

    final MailConnection connection;
    List<InetAddress> addresses = List.of();
    Socket socket;
    Store store;
    private X509Certificate[] presentedChain;

    Probe(MailConnection connection) {
        this.connection = connection;
    }

    void certificatesPresented(X509Certificate[] chain) {
        this.presentedChain = chain.clone();
    }

    /** The server certificate seen during the last TLS handshake, trusted or not; null if none was seen. */
    X509Certificate serverCertificate() {
        return presentedChain == null || presentedChain.length == 0 ? null : presentedChain[0];
    }

    MailDialogue dialogue() throws IOException {
        return new MailDialogue(socket, connection.protocol());
    }

    /** Ends the hand-made session politely; the login that follows opens its own connection through Angus Mail. */
    void endDialogue(MailDialogue dialogue) {
        dialogue.goodbye();
        closeSocket();
    }

    private void closeSocket() {
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
        if (store != null) {
            try {
                store.close();
            } catch (MessagingException ignored) {
                // closing a test connection; nothing depends on it
            }
        }
    }
}
