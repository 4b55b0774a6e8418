package dev.mailroom.intake.parse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Decodes a uuencoded body ({@code begin 644 name} … {@code end}) line by line, for x-uuencode transfer encoding. */
final class UuDecodingInputStream extends InputStream {

    private final InputStream in;
    private byte[] buffer = new byte[0];
    private int position;
    private boolean started;
    private boolean finished;

    UuDecodingInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        while (position >= buffer.length) {
            if (finished || !fill()) {
                return -1;
            }
        }
        return buffer[position++] & 0xff;
    }

    private boolean fill() throws IOException {
        String line = readLine();
        if (line == null) {
            finished = true;
            return false;
        }
        if (!started) {
            started = line.startsWith("begin ");
            buffer = new byte[0];
            position = 0;
            return true;
        }
        if (line.equals("end") || line.isEmpty()) {
            finished = line.equals("end");
            buffer = new byte[0];
            position = 0;
            return !finished;
        }
        buffer = decodeLine(line);
        position = 0;
        return true;
    }

    private static byte[] decodeLine(String line) {
        int length = (line.charAt(0) - 32) & 0x3f;
        ByteArrayOutputStream out = new ByteArrayOutputStream(length);
        for (int i = 1; i < line.length() && out.size() < length; i += 4) {
            int c0 = sixBits(line, i);
            int c1 = sixBits(line, i + 1);
            int c2 = sixBits(line, i + 2);
            int c3 = sixBits(line, i + 3);
            out.write((c0 << 2) | (c1 >> 4));
            if (out.size() < length) {
                out.write(((c1 & 0xf) << 4) | (c2 >> 2));
            }
            if (out.size() < length) {
                out.write(((c2 & 0x3) << 6) | c3);
            }
        }
        return out.toByteArray();
    }

    private static int sixBits(String line, int index) {
        return index < line.length() ? (line.charAt(index) - 32) & 0x3f : 0;
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                return stripCr(line);
            }
            line.append((char) b);
        }
        return line.isEmpty() ? null : stripCr(line);
    }

    private static String stripCr(StringBuilder line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\r' || line.charAt(end - 1) == ' ')) {
            end--;
        }
        return line.substring(0, end);
    }
}
