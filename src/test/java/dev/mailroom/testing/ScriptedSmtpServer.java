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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small SMTP server on 127.0.0.1 for the cases GreenMail cannot play: it answers what a test tells it to (4xx or 5xx
 * for a command, once or always, or for one recipient), can hang (accept the connection and never say a word, or
 * go silent at a given command),
 * counts connections and keeps the messages it accepted. A 421 reply closes the connection, as RFC 5321 says. Speaks the ESMTP subset Jakarta Mail uses: EHLO/HELO,
 * AUTH PLAIN (when credentials are set), MAIL, RCPT, DATA, RSET, NOOP, QUIT.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    /**
     * A message the server accepted: envelope, the data as received (dot-unstuffed; only the header when the server
     * keeps headers only) and its size in bytes.
     */
    public record Received(String mailFrom, List<String> recipients, String data, long size) {
    }

    private final ServerSocket socket;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<String>> onceReplies = new ConcurrentHashMap<>();
    private final Map<String, String> alwaysReplies = new ConcurrentHashMap<>();
    private final Map<String, String> recipientReplies = new ConcurrentHashMap<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean hang;
    private volatile String hangAt;
    private volatile boolean headersOnly;
    private volatile String username;
    private volatile String password;

    private ScriptedSmtpServer(ServerSocket socket) {
        this.socket = socket;
        threads.submit(this::acceptLoop);
    }

    public static ScriptedSmtpServer start() {
        return start(0);
    }

    public static ScriptedSmtpServer start(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return new ScriptedSmtpServer(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port nothing listens on right now (a server can be started there later). */
    public static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** The next {@code command} (MAIL, RCPT, DATA, "." for the end of data, AUTH) is answered with {@code reply}. */
    public ScriptedSmtpServer replyOnce(String command, String reply) {
        onceReplies.computeIfAbsent(command.toUpperCase(Locale.ROOT), c -> new ArrayDeque<>()).add(reply);
        return this;
    }

    /** Every {@code command} is answered with {@code reply} until {@link #clearReplies()}. */
    public ScriptedSmtpServer replyAlways(String command, String reply) {
        alwaysReplies.put(command.toUpperCase(Locale.ROOT), reply);
        return this;
    }

    /** RCPT TO for this address is answered with {@code reply}. */
    public ScriptedSmtpServer replyToRecipient(String address, String reply) {
        recipientReplies.put(address.toLowerCase(Locale.ROOT), reply);
        return this;
    }

    public ScriptedSmtpServer clearReplies() {
        onceReplies.clear();
        alwaysReplies.clear();
        recipientReplies.clear();
        return this;
    }

    /** New connections are accepted and never answered (the client's read timeout must end them). */
    public ScriptedSmtpServer hang(boolean hang) {
        this.hang = hang;
        return this;
    }

    /** From now on, {@code command} (MAIL, RCPT, DATA) gets no answer, ever: the server hangs mid-session. */
    public ScriptedSmtpServer hangAt(String command) {
        this.hangAt = command == null ? null : command.toUpperCase(Locale.ROOT);
        return this;
    }

    /** Keeps only the header of each message (and counts the rest): for messages too large to hold in a test's heap. */
    public ScriptedSmtpServer keepHeadersOnly() {
        this.headersOnly = true;
        return this;
    }

    /** AUTH PLAIN is offered and only these credentials are accepted. */
    public ScriptedSmtpServer requireAuth(String username, String password) {
        this.username = username;
        this.password = password;
        return this;
    }

    public int connections() {
        return connections.get();
    }

    public List<Received> received() {
        return Collections.unmodifiableList(new ArrayList<>(received));
    }

    /** Every command line received, in order (AUTH lines without their credentials). */
    public List<String> commands() {
        return Collections.unmodifiableList(new ArrayList<>(commands));
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket client : open) {
            try {
                client.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        threads.shutdownNow();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.incrementAndGet();
                open.add(client);
                threads.submit(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client;
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
                OutputStream out = client.getOutputStream()) {
            if (hang) {
                while (in.read() >= 0) {
                    // say nothing; wait for the client to give up
                }
                return;
            }
            Session session = new Session(in, out);
            session.say(reply("CONNECT", "220 scripted.test ESMTP ready"));
            session.run();
        } catch (IOException e) {
            // the client went away
        } finally {
            open.remove(client);
        }
    }

    private String reply(String command, String normal) {
        Deque<String> once = onceReplies.get(command);
        if (once != null) {
            String next = once.poll();
            if (next != null) {
                return next;
            }
        }
        return alwaysReplies.getOrDefault(command, normal);
    }

    private final class Session {
        private final BufferedReader in;
        private final OutputStream out;
        private String mailFrom;
        private final List<String> recipients = new ArrayList<>();
        private String lastReply = "";

        Session(BufferedReader in, OutputStream out) {
            this.in = in;
            this.out = out;
        }

        void run() throws IOException {
            String line;
            while ((line = in.readLine()) != null) {
                String upper = line.toUpperCase(Locale.ROOT);
                String verb = upper.split(" ", 2)[0];
                commands.add(verb.equals("AUTH") ? "AUTH" : line);
                if (verb.equals(hangAt)) {
                    while (in.read() >= 0) {
                        // say nothing; wait for the client to give up
                    }
                    return;
                }
                switch (verb) {
                    case "EHLO" -> say(username == null ? "250-scripted.test\r\n250 8BITMIME"
                            : "250-scripted.test\r\n250-AUTH PLAIN\r\n250 8BITMIME");
                    case "HELO" -> say("250 scripted.test");
                    case "AUTH" -> auth(line);
                    case "MAIL" -> mail(line);
                    case "RCPT" -> rcpt(line);
                    case "DATA" -> data();
                    case "RSET" -> {
                        reset();
                        say("250 OK");
                    }
                    case "NOOP" -> say(reply("NOOP", "250 OK"));
                    case "QUIT" -> {
                        say("221 Bye");
                        return;
                    }
                    default -> say("502 Command not implemented");
                }
                if (lastReply.startsWith("421")) {
                    return; // "closing transmission channel"
                }
            }
        }

        private void auth(String line) throws IOException {
            String[] parts = line.split(" ");
            String credentials = parts.length > 2 ? parts[2] : null;
            if (credentials == null) {
                say("334 ");
                credentials = in.readLine();
            }
            String[] fields = new String(Base64.getDecoder().decode(credentials.strip()), StandardCharsets.UTF_8).split("\0", -1);
            boolean ok = fields.length == 3 && fields[1].equals(username) && fields[2].equals(password);
            say(reply("AUTH", ok ? "235 2.7.0 Authentication successful" : "535 5.7.8 Authentication credentials invalid"));
        }

        private void mail(String line) throws IOException {
            String answer = reply("MAIL", "250 OK");
            if (answer.startsWith("2")) {
                reset();
                mailFrom = address(line);
            }
            say(answer);
        }

        private void rcpt(String line) throws IOException {
            String address = address(line);
            String own = recipientReplies.get(address.toLowerCase(Locale.ROOT));
            String answer = own != null ? own : reply("RCPT", "250 OK");
            if (answer.startsWith("2")) {
                recipients.add(address);
            }
            say(answer);
        }

        private void data() throws IOException {
            String answer = recipients.isEmpty() ? "554 No valid recipients" : reply("DATA", "354 End data with <CR><LF>.<CR><LF>");
            say(answer);
            if (!answer.startsWith("3")) {
                return;
            }
            StringBuilder data = new StringBuilder();
            long size = 0;
            boolean inHeader = true;
            String line;
            while ((line = in.readLine()) != null && !line.equals(".")) {
                String unstuffed = line.startsWith("..") ? line.substring(1) : line;
                size += unstuffed.length() + 2;
                inHeader = inHeader && !unstuffed.isEmpty();
                if (inHeader || !headersOnly) {
                    data.append(unstuffed).append("\r\n");
                }
            }
            String end = reply(".", "250 OK queued as " + (received.size() + 1));
            if (end.startsWith("2")) {
                received.add(new Received(mailFrom, List.copyOf(recipients), data.toString(), size));
            }
            reset();
            say(end);
        }

        private void reset() {
            mailFrom = null;
            recipients.clear();
        }

        private static String address(String line) {
            int open = line.indexOf('<');
            int close = line.indexOf('>', open + 1);
            return open >= 0 && close > open ? line.substring(open + 1, close) : line.substring(line.indexOf(':') + 1).strip();
        }

        void say(String reply) throws IOException {
            lastReply = reply;
            out.write((reply + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
    }
}
