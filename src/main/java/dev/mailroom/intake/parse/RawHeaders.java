package dev.mailroom.intake.parse;

import java.util.List;

import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.util.ByteSequence;

/** Turns mime4j's raw header bytes into a {@link Header}: unlabelled 8-bit bytes read as UTF-8 or windows-1252. */
final class RawHeaders {

    private RawHeaders() {
    }

    /** The field with its raw value unfolded but not yet decoded (structured headers are parsed before decoding). */
    static Header undecoded(Field field) {
        ByteSequence raw = field.getRaw();
        String text;
        if (raw != null) {
            byte[] bytes = raw.toByteArray();
            text = TextDecoder.decodeUnlabelled(bytes, 0, bytes.length);
        } else {
            text = field.getName() + ":" + field.getBody();
        }
        int colon = text.indexOf(':');
        String name = colon < 0 ? text.strip() : text.substring(0, colon).strip();
        String value = colon < 0 ? "" : text.substring(colon + 1);
        return new Header(name, unfold(value));
    }

    static String unfold(String value) {
        return value.replaceAll("\r?\n(?=[ \t])", "").replaceAll("[\r\n]+", " ").strip();
    }

    /** True when the field's raw bytes were neither ASCII nor UTF-8 and had to be read as windows-1252. */
    static boolean readAsWindows1252(Field field) {
        ByteSequence raw = field.getRaw();
        if (raw == null) {
            return false;
        }
        byte[] bytes = raw.toByteArray();
        return TextDecoder.needsFallback(bytes, 0, bytes.length);
    }

    /** First raw value of a header among the given ones, or null. */
    static String first(List<Header> headers, String name) {
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                return header.value();
            }
        }
        return null;
    }
}
