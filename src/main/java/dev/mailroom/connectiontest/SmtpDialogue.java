package dev.mailroom.connectiontest;

import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * The plain SMTP exchanges Test Connection has with a server itself (greeting, EHLO, STARTTLS, AUTH, QUIT): a command,
 * then a reply of one or more lines ({@code 250-…} continues, {@code 250 …} ends) whose code tells the outcome.
 */
final class SmtpDialogue {

    private static final int MAX_LINES = 100;

    private final ServerLines lines;

    SmtpDialogue(Socket socket) throws IOException {
        this.lines = new ServerLines(socket);
    }

    /** A server reply; {@code code} is -1 when the server answered with something that is no SMTP reply. */
    record Reply(int code, List<String> lines) {

        boolean is(int expected) {
            return code == expected;
        }

        boolean temporary() {
            return code >= 400 && code < 500;
        }

        String text() {
            return String.join("\n", lines);
        }

        /** The capabilities of an EHLO answer, without the code: "AUTH PLAIN LOGIN", "STARTTLS", "SIZE 10240000". */
        List<String> extensions() {
            return lines.stream().skip(1).map(line -> line.length() > 4 ? line.substring(4).trim() : "").toList();
        }
    }

    Reply read() throws IOException {
        List<String> reply = new ArrayList<>();
        while (reply.size() < MAX_LINES) {
            String line = lines.readLine();
            reply.add(line);
            if (line.length() < 4 || line.charAt(3) != '-') {
                break;
            }
        }
        return new Reply(code(reply.get(0)), reply);
    }

    Reply command(String command) throws IOException {
        lines.send(command);
        return read();
    }

    /** Best effort: a server that does not answer the goodbye changes nothing for the test. */
    void quit() {
        try {
            command("QUIT");
        } catch (IOException ignored) {
            // the connection is closed right after
        }
    }

    private static int code(String line) {
        if (line.length() >= 3 && line.substring(0, 3).chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(line.substring(0, 3));
        }
        return -1;
    }
}
