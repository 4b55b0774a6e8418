package dev.mailroom.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Just enough ESMTP on 127.0.0.1 for Test Connection cases GreenMail cannot play: a server that lists STARTTLS but
 * refuses it, one that wants a sign-in before MAIL FROM (530), one that refuses to relay (550 5.7.1 at RCPT TO).
 * One connection at a time; every command not scripted is answered 250.
 */
public final class FakeEsmtpGreeter implements AutoCloseable {

    private final ServerSocket server;
    private final List<String> extensions;
    private final String startTlsReply;
    private final String mailFromReply;
    private final String rcptToReply;
    private final Thread loop;

    private FakeEsmtpGreeter(List<String> extensions, String startTlsReply, String mailFromReply, String rcptToReply) {
        this.extensions = extensions;
        this.startTlsReply = startTlsReply;
        this.mailFromReply = mailFromReply;
        this.rcptToReply = rcptToReply;
        try {
            this.server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.loop = new Thread(this::serve, "fake-esmtp-" + server.getLocalPort());
        loop.setDaemon(true);
        loop.start();
    }

    /** Lists STARTTLS in EHLO, then answers the STARTTLS command with {@code reply}. */
    public static FakeEsmtpGreeter refusingStartTls(String reply) {
        return new FakeEsmtpGreeter(List.of("STARTTLS", "8BITMIME"), reply, "250 2.1.0 OK", "250 2.1.5 OK");
    }

    /** Offers AUTH and answers MAIL FROM with {@code reply} (e.g. 530 5.7.0 Authentication required). */
    public static FakeEsmtpGreeter answeringMailFrom(String reply) {
        return new FakeEsmtpGreeter(List.of("AUTH PLAIN LOGIN", "8BITMIME"), null, reply, "250 2.1.5 OK");
    }

    /** Accepts MAIL FROM and answers RCPT TO with {@code reply} (e.g. 550 5.7.1 Relaying denied). */
    public static FakeEsmtpGreeter answeringRcptTo(String reply) {
        return new FakeEsmtpGreeter(List.of("8BITMIME"), null, "250 2.1.0 OK", reply);
    }

    public int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                converse(socket);
            } catch (IOException e) {
                // closed by the test, or the client hung up: wait for the next connection
            }
        }
    }

    private void converse(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = socket.getOutputStream();
        send(out, "220 fake.esmtp.test ESMTP ready");
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.toUpperCase(Locale.ROOT);
            if (command.startsWith("EHLO")) {
                StringBuilder reply = new StringBuilder("250-fake.esmtp.test");
                for (int i = 0; i < extensions.size(); i++) {
                    reply.append("\r\n250").append(i == extensions.size() - 1 ? " " : "-").append(extensions.get(i));
                }
                send(out, reply.toString());
            } else if (command.equals("STARTTLS") && startTlsReply != null) {
                send(out, startTlsReply);
            } else if (command.startsWith("MAIL FROM")) {
                send(out, mailFromReply);
            } else if (command.startsWith("RCPT TO")) {
                send(out, rcptToReply);
            } else if (command.equals("DATA")) {
                send(out, "354 go ahead");
                while ((line = in.readLine()) != null && !line.equals(".")) {
                    // the message itself is not kept
                }
                send(out, "250 2.0.0 queued");
            } else if (command.equals("QUIT")) {
                send(out, "221 2.0.0 bye");
                return;
            } else {
                send(out, "250 2.0.0 OK");
            }
        }
    }

    private static void send(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
