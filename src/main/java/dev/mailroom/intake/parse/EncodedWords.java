package dev.mailroom.intake.parse;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 2047 encoded words ({@code =?charset?B|Q?text?=}) in header text. Adjacent words of one charset are joined
 * before decoding, because senders split multi-byte characters across words; the whitespace between encoded words
 * is dropped as the RFC says. Bytes are turned into text by {@link TextDecoder}, so a wrong label still reads.
 */
final class EncodedWords {

    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?]*)\\?=");

    private EncodedWords() {
    }

    static String decode(String text) {
        if (text == null || !text.contains("=?")) {
            return text;
        }
        Matcher matcher = WORD.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        String pendingCharset = null;
        int last = 0;
        while (matcher.find()) {
            String between = text.substring(last, matcher.start());
            String charset = withoutLanguage(matcher.group(1));
            boolean adjacent = pendingCharset != null && between.isBlank();
            if (!adjacent || !charset.equalsIgnoreCase(pendingCharset)) {
                flush(out, pending, pendingCharset);
                pendingCharset = null;
                if (!adjacent) {
                    out.append(between);
                }
            }
            byte[] bytes = decodeWord(matcher.group(2), matcher.group(3));
            pending.writeBytes(bytes);
            pendingCharset = charset;
            last = matcher.end();
        }
        flush(out, pending, pendingCharset);
        out.append(text, last, text.length());
        return out.toString();
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
        if (pending.size() > 0) {
            out.append(TextDecoder.decode(pending.toByteArray(), charset).text());
            pending.reset();
        }
    }

    /** RFC 2231 allows {@code charset*language} inside an encoded word. */
    private static String withoutLanguage(String charset) {
        int star = charset.indexOf('*');
        return star < 0 ? charset : charset.substring(0, star);
    }

    private static byte[] decodeWord(String encoding, String encoded) {
        if (encoding.toUpperCase(Locale.ROOT).equals("B")) {
            return base64(encoded);
        }
        return quotedPrintable(encoded.replace('_', ' '));
    }

    static byte[] base64(String encoded) {
        String clean = encoded.replaceAll("[^A-Za-z0-9+/]", "");
        int remainder = clean.length() % 4;
        if (remainder == 1) {
            clean = clean.substring(0, clean.length() - 1);
        } else if (remainder > 1) {
            clean = clean + "=".repeat(4 - remainder);
        }
        try {
            return Base64.getDecoder().decode(clean);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    static byte[] quotedPrintable(String encoded) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '=' && i + 2 < encoded.length()
                    && hex(encoded.charAt(i + 1)) >= 0 && hex(encoded.charAt(i + 2)) >= 0) {
                out.write(hex(encoded.charAt(i + 1)) * 16 + hex(encoded.charAt(i + 2)));
                i += 2;
            } else if (c < 0x100) {
                out.write(c);
            } else {
                out.writeBytes(String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
