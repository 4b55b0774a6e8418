package dev.mailroom.intake.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A best-effort RFC 5322 address-list reader: quoted names, comments, angle addresses, groups, and the usual
 * mistakes (semicolons as separators, missing brackets, unquoted commas in names, raw 8-bit names). Whatever it
 * cannot make sense of it scans for anything that looks like an address. It never throws.
 */
final class AddressListParser {

    private static final Pattern ADDRESS_LIKE = Pattern.compile("[^\\s<>()\\[\\],;:\"']+@[^\\s<>()\\[\\],;:\"']+");

    /** A bare mailbox name without a domain, such as MAILER-DAEMON; not punctuation debris like "[??????]". */
    private static final Pattern LOCAL_ONLY = Pattern.compile("[\\p{L}\\p{N}._%+=-]+");

    private AddressListParser() {
    }

    static List<EmailAddress> parse(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        Map<String, EmailAddress> found = new LinkedHashMap<>();
        try {
            for (String item : splitItems(value)) {
                EmailAddress address = parseItem(item);
                if (address != null) {
                    found.putIfAbsent(address.address(), address);
                }
            }
        } catch (RuntimeException e) {
            found.clear();
        }
        if (found.isEmpty()) {
            Matcher matcher = ADDRESS_LIKE.matcher(value);
            while (matcher.find()) {
                EmailAddress address = EmailAddress.of(matcher.group(), null);
                found.putIfAbsent(address.address(), address);
            }
        }
        return List.copyOf(found.values());
    }

    /** Splits on commas and semicolons outside quotes, comments and angle brackets; drops group names. */
    private static List<String> splitItems(String value) {
        List<String> items = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        int comment = 0;
        boolean angle = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted) {
                current.append(c);
                if (c == '\\' && i + 1 < value.length()) {
                    current.append(value.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (comment > 0) {
                current.append(c);
                if (c == '(') {
                    comment++;
                } else if (c == ')') {
                    comment--;
                }
            } else if (c == '"') {
                quoted = true;
                current.append(c);
            } else if (c == '(') {
                comment++;
                current.append(c);
            } else if (c == '<') {
                angle = true;
                current.append(c);
            } else if (c == '>') {
                angle = false;
                current.append(c);
            } else if (!angle && (c == ',' || c == ';')) {
                items.add(current.toString());
                current.setLength(0);
            } else if (!angle && c == ':' && isGroupName(current)) {
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        items.add(current.toString());
        return mergeSplitNames(items);
    }

    /** "Name: a@b, c@d;" is a group; a colon after an {@code @} or inside a route is not. */
    private static boolean isGroupName(StringBuilder soFar) {
        return soFar.indexOf("@") < 0 && !soFar.toString().isBlank();
    }

    /** "Smith, John <john@x>" arrives split at the unquoted comma; a piece without an address joins the next one. */
    private static List<String> mergeSplitNames(List<String> items) {
        List<String> merged = new ArrayList<>();
        String carry = null;
        for (String item : items) {
            if (carry != null) {
                if (item.contains("<")) {
                    item = carry + "," + item;
                } else {
                    merged.add(carry);
                }
                carry = null;
            }
            if (!item.contains("@") && !item.contains("<") && !item.isBlank()) {
                carry = item;
            } else {
                merged.add(item);
            }
        }
        if (carry != null) {
            merged.add(carry);
        }
        return merged;
    }

    private static EmailAddress parseItem(String rawItem) {
        String item = rawItem.strip();
        if (item.isEmpty()) {
            return null;
        }
        int open = item.lastIndexOf('<');
        int close = open < 0 ? -1 : item.indexOf('>', open);
        if (open >= 0) {
            String inside = item.substring(open + 1, close < 0 ? item.length() : close).strip();
            String address = addrSpec(inside);
            String name = cleanName(item.substring(0, open));
            if (name == null && close >= 0) {
                name = commentText(item.substring(close + 1));
            }
            if (address.isEmpty()) {
                return null;
            }
            return EmailAddress.of(address, name);
        }
        String comment = commentText(item);
        String withoutComments = item.replaceAll("\\([^()]*\\)", " ").strip();
        Matcher matcher = ADDRESS_LIKE.matcher(withoutComments);
        if (matcher.find()) {
            String name = comment;
            String rest = (withoutComments.substring(0, matcher.start()) + withoutComments.substring(matcher.end())).strip();
            if (name == null && !rest.isEmpty()) {
                name = cleanName(rest);
            }
            return EmailAddress.of(unquoteLocalPart(matcher.group()), name);
        }
        String token = EncodedWords.decode(unquote(withoutComments));
        if (LOCAL_ONLY.matcher(token).matches()) {
            return EmailAddress.of(token, comment);
        }
        return null;
    }

    /** The address inside angle brackets, without a source route and without quotes around the local part. */
    private static String addrSpec(String inside) {
        String address = inside;
        if (address.startsWith("@")) {
            int colon = address.indexOf(':');
            address = colon < 0 ? address : address.substring(colon + 1);
        }
        address = address.replaceAll("\\([^()]*\\)", "").strip();
        if (address.toLowerCase().startsWith("mailto:")) {
            address = address.substring("mailto:".length());
        }
        return unquoteLocalPart(address).replaceAll("\\s+", "");
    }

    /** {@code "System Administrator"@example.com} keeps its quoted local part without the quotes. */
    private static String unquoteLocalPart(String address) {
        int at = address.lastIndexOf('@');
        if (at > 1 && address.charAt(0) == '"' && address.charAt(at - 1) == '"') {
            return address.substring(1, at - 1) + address.substring(at);
        }
        return address;
    }

    private static String cleanName(String raw) {
        String name = raw.replaceAll("\\([^()]*\\)", " ").strip();
        name = unquote(name);
        name = EncodedWords.decode(name).replaceAll("\\s+", " ").strip();
        if (name.length() >= 2 && name.startsWith("'") && name.endsWith("'")) {
            name = name.substring(1, name.length() - 1).strip();
        }
        return name.isEmpty() ? null : name;
    }

    private static String commentText(String raw) {
        Matcher matcher = Pattern.compile("\\(([^()]*)\\)").matcher(raw);
        if (matcher.find()) {
            String text = EncodedWords.decode(matcher.group(1)).strip();
            return text.isEmpty() ? null : text;
        }
        return null;
    }

    private static String unquote(String text) {
        String value = text.strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1");
        } else {
            value = value.replace("\"", "");
        }
        return value.strip();
    }
}
