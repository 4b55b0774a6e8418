package dev.mailroom.connectiontest;

import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.mailroom.transport.MailProtocol;

/**
 * The few plain exchanges Test Connection has with a server itself, before Angus Mail signs in: greeting,
 * capabilities, STARTTLS and goodbye, in IMAP or POP3, over {@link ServerLines}.
 */
final class MailDialogue {

    private static final int MAX_LINES = 100;

    private final MailProtocol protocol;
    private final ServerLines lines;
    private int tag;

    MailDialogue(Socket socket, MailProtocol protocol) throws IOException {
        this.protocol = protocol;
        this.lines = new ServerLines(socket);
    }

    record Reply(boolean ok, List<String> lines) {
    }

    String readLine() throws IOException {
        return lines.readLine();
    }

    /** The server's capability list (IMAP CAPABILITY, POP3 CAPA), as the lines it answered. */
    List<String> capabilities() throws IOException {
        return protocol == MailProtocol.IMAP ? imapCommand("CAPABILITY").lines() : pop3MultiLine("CAPA");
    }

    boolean offersStartTls(List<String> capabilities) {
        if (protocol == MailProtocol.IMAP) {
            return capabilities.stream()
                    .map(line -> line.toUpperCase(Locale.ROOT))
                    .filter(line -> line.startsWith("* CAPABILITY "))
                    .anyMatch(line -> Arrays.asList(line.split("\\s+")).contains("STARTTLS"));
        }
        return capabilities.stream().anyMatch(line -> line.trim().equalsIgnoreCase("STLS"));
    }

    Reply startTls() throws IOException {
        if (protocol == MailProtocol.IMAP) {
            return imapCommand("STARTTLS");
        }
        send("STLS");
        String line = readLine();
        return new Reply(line.startsWith("+OK"), List.of(line));
    }

    /** Best effort: a server that does not answer the goodbye changes nothing for the test. */
    void goodbye() {
        try {
            if (protocol == MailProtocol.IMAP) {
                imapCommand("LOGOUT");
            } else {
                send("QUIT");
                readLine();
            }
        } catch (IOException ignored) {
            // the connection is closed right after
        }
    }

    private Reply imapCommand(String command) throws IOException {
        String commandTag = "A" + (++tag);
        send(commandTag + " " + command);
        List<String> lines = new ArrayList<>();
        while (lines.size() < MAX_LINES) {
            String line = readLine();
            lines.add(line);
            if (line.startsWith(commandTag + " ")) {
                return new Reply(line.substring(commandTag.length() + 1).toUpperCase(Locale.ROOT).startsWith("OK"), lines);
            }
        }
        return new Reply(false, lines);
    }

    private List<String> pop3MultiLine(String command) throws IOException {
        send(command);
        List<String> lines = new ArrayList<>();
        String first = readLine();
        lines.add(first);
        if (!first.startsWith("+OK")) {
            return lines;
        }
        while (lines.size() < MAX_LINES) {
            String line = readLine();
            if (line.equals(".")) {
                break;
            }
            lines.add(line);
        }
        return lines;
    }

    private void send(String command) throws IOException {
        lines.send(command);
    }
}
