package dev.mailroom.intake.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bytes to text with the fallback order declared charset → UTF-8 (if the bytes are valid UTF-8) → windows-1252.
 * Never throws and never returns null: a wrong label yields readable text and a problem note instead of an error.
 */
final class TextDecoder {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Labels that name a narrower charset than the one senders really use, as browsers treat them. */
    private static final Map<String, String> WIDER = Map.ofEntries(
            Map.entry("iso-8859-1", "windows-1252"),
            Map.entry("us-ascii", "windows-1252"),
            Map.entry("gb2312", "GB18030"),
            Map.entry("gbk", "GB18030"),
            Map.entry("euc-kr", "x-windows-949"),
            Map.entry("shift_jis", "windows-31j"),
            Map.entry("iso-8859-8-i", "iso-8859-8"),
            Map.entry("tis-620", "x-windows-874"),
            Map.entry("iso-2022-jp", "x-windows-iso2022jp"));

    /** Labels mail clients use that the JDK does not know by that name. */
    private static final Map<String, String> ALIASES = Map.of(
            "iso-8859-8-i", "iso-8859-8",
            "iso-8859-8-e", "iso-8859-8",
            "iso-8859-6-i", "iso-8859-6",
            "iso-8859-6-e", "iso-8859-6",
            "x-mac-cyrillic", "x-MacCyrillic",
            "unicode-1-1-utf-8", "utf-8",
            "x-gbk", "gbk",
            "x-euc-jp", "euc-jp");

    /** Charsets mislabelled as each other in practice: Japanese mail labelled ISO-2022-JP is often Shift_JIS. */
    private static final Map<String, List<String>> RELATIVES = Map.of(
            "x-windows-iso2022jp", List.of("windows-31j", "EUC-JP"),
            "windows-31j", List.of("EUC-JP"),
            "euc-jp", List.of("windows-31j"),
            "big5", List.of("Big5-HKSCS", "GB18030"),
            "gb18030", List.of("Big5"));

    private static final char[] WINDOWS_1252_TABLE = windows1252Table();
    private static final Map<Character, Integer> WINDOWS_1252_BYTES = reverse(WINDOWS_1252_TABLE);

    private TextDecoder() {
    }

    static DecodedText decode(byte[] bytes, String declaredLabel) {
        return decode(bytes, 0, bytes.length, declaredLabel);
    }

    static DecodedText decode(byte[] bytes, int offset, int length, String declaredLabel) {
        String label = declaredLabel == null ? "" : declaredLabel.strip().replace("\"", "").replace("'", "");
        if (isUtf7(label)) {
            return new DecodedText(Utf7.decode(bytes, offset, length), null);
        }
        Charset declared = lookup(label);
        boolean ascii = isAscii(bytes, offset, length);
        if (declared != null) {
            if (ascii && asciiCompatible(declared) && !looksLikeIso2022(bytes, offset, length)) {
                return new DecodedText(new String(bytes, offset, length, StandardCharsets.US_ASCII), null);
            }
            // Valid UTF-8 with multi-byte sequences is very unlikely to be Latin-1 text by accident.
            if (singleByteLatin(declared) && !ascii && isUtf8(bytes, offset, length)) {
                return new DecodedText(utf8(bytes, offset, length),
                        "charset " + label + " declared but the content is UTF-8; decoded as UTF-8");
            }
            String strict = strictly(bytes, offset, length, wider(declared));
            if (strict != null) {
                return new DecodedText(strict, null);
            }
            if (isUtf8(bytes, offset, length)) {
                return new DecodedText(utf8(bytes, offset, length),
                        "content is not valid " + label + "; decoded as UTF-8");
            }
            for (String relative : RELATIVES.getOrDefault(wider(declared).name().toLowerCase(Locale.ROOT), List.of())) {
                String decoded = strictly(bytes, offset, length, Charset.forName(relative));
                if (decoded != null) {
                    return new DecodedText(decoded, "content is not valid " + label + "; decoded as " + relative);
                }
            }
            if (!singleByteLatin(declared)) {
                return new DecodedText(leniently(bytes, offset, length, wider(declared)),
                        "content is not valid " + label + "; undecodable bytes replaced");
            }
            return new DecodedText(windows1252(bytes, offset, length),
                    "content is not valid " + label + "; decoded as windows-1252");
        }
        if (ascii) {
            if (looksLikeIso2022(bytes, offset, length)) {
                return new DecodedText(leniently(bytes, offset, length, Charset.forName("x-windows-iso2022jp")),
                        label.isEmpty() ? null : "unknown charset " + label + ", decoded as ISO-2022-JP");
            }
            return new DecodedText(new String(bytes, offset, length, StandardCharsets.US_ASCII), null);
        }
        String named = label.isEmpty() ? "no charset declared" : "unknown charset " + label;
        if (isUtf8(bytes, offset, length)) {
            return new DecodedText(utf8(bytes, offset, length), named + ", decoded as UTF-8");
        }
        return new DecodedText(windows1252(bytes, offset, length), named + ", decoded as windows-1252");
    }

    /**
     * Reads again, in the given charset, text that {@link #decodeUnlabelled} had to take as windows-1252: raw 8-bit
     * headers are usually in the charset of the message's own text parts. Null when that charset does not fit.
     */
    static String redecodeWindows1252(String text, String label) {
        Charset charset = lookup(label);
        if (charset == null) {
            return null;
        }
        byte[] bytes = new byte[text.length()];
        for (int i = 0; i < text.length(); i++) {
            int b = WINDOWS_1252_BYTES.getOrDefault(text.charAt(i), -1);
            if (b < 0) {
                return null;
            }
            bytes[i] = (byte) b;
        }
        String decoded = strictly(bytes, 0, bytes.length, wider(charset));
        for (String relative : RELATIVES.getOrDefault(wider(charset).name().toLowerCase(Locale.ROOT), List.of())) {
            decoded = decoded != null ? decoded : strictly(bytes, 0, bytes.length, Charset.forName(relative));
        }
        return decoded;
    }

    /** True when {@link #decodeUnlabelled} falls back to windows-1252 for these bytes. */
    static boolean needsFallback(byte[] bytes, int offset, int length) {
        return !isAscii(bytes, offset, length) && !isUtf8(bytes, offset, length);
    }

    /** For header bytes, which carry no label: UTF-8 when valid, else windows-1252. */
    static String decodeUnlabelled(byte[] bytes, int offset, int length) {
        if (isUtf8(bytes, offset, length)) {
            return utf8(bytes, offset, length);
        }
        return windows1252(bytes, offset, length);
    }

    static Charset lookup(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String name = label.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("cp-")) {
            name = "cp" + name.substring(3);
        }
        name = ALIASES.getOrDefault(name, name);
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    static boolean isUtf7(String label) {
        String name = label.toLowerCase(Locale.ROOT);
        return name.equals("utf-7") || name.equals("utf7") || name.equals("unicode-1-1-utf-7");
    }

    static boolean isUtf8(byte[] bytes, int offset, int length) {
        return strictly(bytes, offset, length, StandardCharsets.UTF_8) != null;
    }

    static String windows1252(byte[] bytes, int offset, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = WINDOWS_1252_TABLE[bytes[offset + i] & 0xff];
        }
        return new String(chars);
    }

    private static Charset wider(Charset declared) {
        String replacement = WIDER.get(declared.name().toLowerCase(Locale.ROOT));
        return replacement == null ? declared : Charset.forName(replacement);
    }

    private static boolean singleByteLatin(Charset charset) {
        String name = charset.name().toLowerCase(Locale.ROOT);
        return name.equals("iso-8859-1") || name.equals("us-ascii") || name.equals("windows-1252")
                || name.equals("iso-8859-15");
    }

    private static boolean asciiCompatible(Charset charset) {
        String name = charset.name().toLowerCase(Locale.ROOT);
        return !name.startsWith("utf-16") && !name.startsWith("utf-32") && !name.startsWith("iso-2022")
                && !name.contains("iso2022") && !name.contains("50220") && !name.equals("x-utf-16le-bom");
    }

    private static boolean isAscii(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeIso2022(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length - 2; i++) {
            if (bytes[i] == 0x1b && bytes[i + 1] == '$' && (bytes[i + 2] == 'B' || bytes[i + 2] == '@')) {
                return true;
            }
        }
        return false;
    }

    private static String utf8(byte[] bytes, int offset, int length) {
        String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String strictly(byte[] bytes, int offset, int length, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length))
                    .toString();
        } catch (CharacterCodingException | RuntimeException e) {
            return null;
        }
    }

    private static String leniently(byte[] bytes, int offset, int length, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes, offset, length))
                    .toString();
        } catch (CharacterCodingException | RuntimeException e) {
            return windows1252(bytes, offset, length);
        }
    }

    private static Map<Character, Integer> reverse(char[] table) {
        Map<Character, Integer> bytes = new java.util.HashMap<>();
        for (int b = 0; b < table.length; b++) {
            bytes.put(table[b], b);
        }
        return Map.copyOf(bytes);
    }

    /** windows-1252, with its five unassigned bytes mapped as in Latin-1 so that every byte decodes. */
    private static char[] windows1252Table() {
        char[] table = new char[256];
        for (int b = 0; b < 256; b++) {
            String decoded = strictly(new byte[] {(byte) b}, 0, 1, WINDOWS_1252);
            table[b] = decoded == null || decoded.isEmpty() ? (char) b : decoded.charAt(0);
        }
        return table;
    }
}
