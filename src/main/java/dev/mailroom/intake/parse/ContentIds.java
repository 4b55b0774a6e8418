package dev.mailroom.intake.parse;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Content-ID values and the {@code cid:} URLs that point at them (RFC 2392). */
final class ContentIds {

    private static final Pattern CID_URL = Pattern.compile("(?i)cid:([^\"'\\s)>]+)");

    private ContentIds() {
    }

    /** {@code <abc@x>}, {@code cid:abc@x} or {@code abc%40x} become {@code abc@x}; null for a blank value. */
    static String normalize(String value) {
        if (value == null) {
            return null;
        }
        String id = value.strip();
        if (id.toLowerCase(Locale.ROOT).startsWith("cid:")) {
            id = id.substring(4);
            if (id.contains("%")) {
                try {
                    id = URLDecoder.decode(id.replace("+", "%2B"), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    // keep it as written
                }
            }
        }
        if (id.startsWith("<")) {
            id = id.substring(1);
        }
        if (id.endsWith(">")) {
            id = id.substring(0, id.length() - 1);
        }
        id = id.strip();
        return id.isEmpty() ? null : id;
    }

    /** Every content id referenced by a {@code cid:} URL in the HTML. */
    static Set<String> referencedBy(String html) {
        Set<String> ids = new LinkedHashSet<>();
        if (html == null) {
            return ids;
        }
        Matcher matcher = CID_URL.matcher(html);
        while (matcher.find()) {
            String id = normalize("cid:" + matcher.group(1));
            if (id != null) {
                ids.add(id.toLowerCase(Locale.ROOT));
            }
        }
        return ids;
    }
}
