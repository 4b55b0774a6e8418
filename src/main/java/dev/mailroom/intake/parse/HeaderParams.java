package dev.mailroom.intake.parse;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A structured MIME header value such as {@code text/plain; charset="utf-8"} or
 * {@code attachment; filename*0*=utf-8''%E2%82%AC; filename*1=.pdf}: the leading value and its parameters, with
 * RFC 2231 continuations and charsets and RFC 2047 encoded words resolved. Lenient about missing quotes and stray
 * semicolons, since this is where broken mailers are most inventive.
 */
record HeaderParams(String value, Map<String, String> params) {

    static final HeaderParams EMPTY = new HeaderParams("", Map.of());

    String param(String name) {
        return params.get(name.toLowerCase(Locale.ROOT));
    }

    static HeaderParams parse(String header) {
        if (header == null || header.isBlank()) {
            return EMPTY;
        }
        List<String> pieces = splitOnSemicolons(header);
        String value = stripComments(pieces.get(0)).strip().toLowerCase(Locale.ROOT);
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, String>> sections = new LinkedHashMap<>();
        Map<String, Boolean> sectionEncoded = new LinkedHashMap<>();
        for (String piece : pieces.subList(1, pieces.size())) {
            int eq = piece.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = piece.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String raw = unquote(piece.substring(eq + 1).strip());
            int star = name.indexOf('*');
            if (star < 0) {
                plain.putIfAbsent(name, raw);
                continue;
            }
            String base = name.substring(0, star);
            String rest = name.substring(star + 1);
            boolean encoded = rest.endsWith("*") || rest.isEmpty();
            String index = rest.endsWith("*") ? rest.substring(0, rest.length() - 1) : rest;
            int section = index.isEmpty() ? 0 : parseIndex(index);
            if (section < 0) {
                continue;
            }
            sections.computeIfAbsent(base, k -> new TreeMap<>()).put(section, (encoded ? "*" : "-") + raw);
            sectionEncoded.merge(base, encoded, Boolean::logicalOr);
        }
        Map<String, String> params = new LinkedHashMap<>();
        sections.forEach((name, parts) -> params.put(name, joinRfc2231(parts)));
        plain.forEach((name, raw) -> params.putIfAbsent(name, EncodedWords.decode(raw)));
        return new HeaderParams(value, Map.copyOf(params));
    }

    /** Joins {@code name*0*=charset'lang'%xx}, {@code name*1=plain} … and decodes the bytes with their charset. */
    private static String joinRfc2231(TreeMap<Integer, String> parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String charset = null;
        boolean first = true;
        for (String marked : parts.values()) {
            boolean encoded = marked.charAt(0) == '*';
            String text = marked.substring(1);
            if (encoded && first) {
                int q1 = text.indexOf('\'');
                int q2 = q1 < 0 ? -1 : text.indexOf('\'', q1 + 1);
                if (q2 > 0) {
                    charset = text.substring(0, q1);
                    text = text.substring(q2 + 1);
                }
            }
            first = false;
            if (encoded) {
                bytes.writeBytes(percentDecode(text));
            } else {
                bytes.writeBytes(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return EncodedWords.decode(TextDecoder.decode(bytes.toByteArray(), charset).text());
    }

    private static byte[] percentDecode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()
                    && Character.digit(text.charAt(i + 1), 16) >= 0 && Character.digit(text.charAt(i + 2), 16) >= 0) {
                out.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private static int parseIndex(String index) {
        try {
            return Integer.parseInt(index);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static List<String> splitOnSemicolons(String header) {
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '\\' && quoted && i + 1 < header.length()) {
                current.append(c).append(header.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                current.append(c);
            } else if (c == ';' && !quoted) {
                pieces.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        pieces.add(current.toString());
        return pieces;
    }

    private static String unquote(String raw) {
        String value = raw;
        if (value.startsWith("\"")) {
            int end = value.lastIndexOf('"');
            value = end > 0 ? value.substring(1, end) : value.substring(1);
            return value.replaceAll("\\\\(.)", "$1");
        }
        // An unquoted value ends at a comment ("charset=us-ascii (Plain Text)"); "report(1).pdf" keeps its parentheses.
        return value.replaceAll("\\s+\\(.*$", "").strip();
    }

    private static String stripComments(String text) {
        return text.replaceAll("\\([^()]*\\)", "");
    }
}
