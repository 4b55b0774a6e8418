package dev.mailroom.connectiontest;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Line by line over a socket, for the plain exchanges Test Connection has with a server itself (any protocol). Reads
 * byte by byte without buffering, so nothing the server sends after a STARTTLS answer is swallowed before TLS takes
 * over the socket.
 */
final class ServerLines {

    private static final int MAX_LINE = 4096;

    private final InputStream in;
    private final OutputStream out;

    ServerLines(Socket socket) throws IOException {
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b == -1) {
                if (line.size() == 0) {
                    throw new EOFException("The server closed the connection");
                }
                break;
            }
            if (line.size() < MAX_LINE) {
                line.write(b);
            }
        }
        return printable(line.toString(StandardCharsets.UTF_8));
    }

    void send(String command) throws IOException {
        out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Server text is shown to admins: control characters (and stray TLS bytes) become '?'. */
    private static String printable(String text) {
        String line = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        StringBuilder clean = new StringBuilder(line.length());
        line.codePoints().forEach(c -> clean.appendCodePoint(c < 0x20 && c != '\t' || c == 0x7f || c == 0xfffd ? '?' : c));
        return clean.toString();
    }
}
