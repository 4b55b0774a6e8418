package dev.mailroom.intake.parse;

import java.util.Base64;

/** RFC 2152 UTF-7, which the JDK does not ship but some mail clients still send. */
final class Utf7 {

    private static final String BASE64_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private Utf7() {
    }

    static String decode(byte[] bytes, int offset, int length) {
        StringBuilder out = new StringBuilder(length);
        int i = offset;
        int end = offset + length;
        while (i < end) {
            char c = (char) (bytes[i] & 0xff);
            if (c != '+') {
                out.append(c);
                i++;
                continue;
            }
            int start = i + 1;
            int j = start;
            while (j < end && BASE64_CHARS.indexOf((char) (bytes[j] & 0xff)) >= 0) {
                j++;
            }
            if (j == start) {
                out.append('+');
            } else {
                appendUtf16(out, new String(bytes, start, j - start, java.nio.charset.StandardCharsets.US_ASCII));
            }
            i = (j < end && bytes[j] == '-') ? j + 1 : j;
        }
        return out.toString();
    }

    private static void appendUtf16(StringBuilder out, String base64) {
        int usable = base64.length() - base64.length() % 4;
        String padded = base64.substring(0, usable) + switch (base64.length() % 4) {
            case 2 -> base64.substring(usable) + "==";
            case 3 -> base64.substring(usable) + "=";
            default -> "";
        };
        byte[] utf16;
        try {
            utf16 = Base64.getDecoder().decode(padded);
        } catch (IllegalArgumentException e) {
            out.append('+').append(base64);
            return;
        }
        for (int k = 0; k + 1 < utf16.length; k += 2) {
            out.append((char) (((utf16[k] & 0xff) << 8) | (utf16[k + 1] & 0xff)));
        }
    }
}
