package dev.mailroom.intake.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Builds raw test messages from readable text blocks (LF in the source, CRLF on the wire). */
final class Messages {

    private Messages() {
    }

    static ByteArrayInputStream raw(String message) {
        return raw(message, StandardCharsets.UTF_8);
    }

    static ByteArrayInputStream raw(String message, Charset charset) {
        return new ByteArrayInputStream(message.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(charset));
    }

    static ParsedEmail parse(EmailParser parser, String message) {
        try {
            return parser.parse(raw(message));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
