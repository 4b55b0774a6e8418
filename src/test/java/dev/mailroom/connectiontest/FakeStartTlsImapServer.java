package dev.mailroom.connectiontest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.Locale;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A tiny IMAP server on loopback that offers STARTTLS (GreenMail does not), upgrades with GreenMail's self-signed test
 * certificate, and refuses every login, echoing the LOGIN arguments back the way a careless server might.
 */
final class FakeStartTlsImapServer implements AutoCloseable {

    private final ServerSocket server;
    private final SSLContext tls;
    private final Thread acceptor;

    FakeStartTlsImapServer() throws Exception {
        this.tls = greenMailCertificate();
        this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptAll, "fake-starttls-imap");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread session = new Thread(() -> serve(socket), "fake-starttls-imap-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket plain) {
        Socket socket = plain;
        boolean secure = false;
        try {
            socket.setSoTimeout(10_000);
            send(socket, "* OK Fake IMAP ready");
            while (true) {
                String line = readLine(socket.getInputStream());
                if (line == null) {
                    return;
                }
                String[] parts = line.split(" ", 3);
                String tag = parts[0];
                String command = parts.length > 1 ? parts[1].toUpperCase(Locale.ROOT) : "";
                switch (command) {
                    case "CAPABILITY" -> {
                        send(socket, secure ? "* CAPABILITY IMAP4rev1" : "* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED");
                        send(socket, tag + " OK CAPABILITY completed");
                    }
                    case "STARTTLS" -> {
                        send(socket, tag + " OK Begin TLS negotiation now");
                        SSLSocket upgraded = (SSLSocket) tls.getSocketFactory().createSocket(socket, null, socket.getPort(), true);
                        upgraded.setUseClientMode(false);
                        upgraded.startHandshake();
                        socket = upgraded;
                        secure = true;
                    }
                    case "LOGIN" -> send(socket, tag + " NO [AUTHENTICATIONFAILED] Invalid credentials: "
                            + (parts.length > 2 ? parts[2] : ""));
                    case "LOGOUT" -> {
                        send(socket, "* BYE Fake IMAP logging out");
                        send(socket, tag + " OK LOGOUT completed");
                        return;
                    }
                    default -> send(socket, tag + " BAD not supported here");
                }
            }
        } catch (IOException e) {
            // the client hung up or rejected the certificate; either ends this session
        } finally {
            try {
                socket.close();
            } catch (IOException ignored) {
                // test server
            }
        }
    }

    private static void send(Socket socket, String line) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b == -1) {
                return null;
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    static KeyStore greenMailKeyStore() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = FakeStartTlsImapServer.class.getClassLoader().getResourceAsStream("greenmail.p12")) {
            store.load(in, "changeit".toCharArray());
        }
        return store;
    }

    private static SSLContext greenMailCertificate() throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(greenMailKeyStore(), "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
