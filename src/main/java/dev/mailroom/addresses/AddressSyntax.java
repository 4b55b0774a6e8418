package dev.mailroom.addresses;

import java.util.Locale;
import java.util.regex.Pattern;

/** Deliberately plain checks for what admins type into address lists: {@code someone@example.com} or {@code example.com}. */
public final class AddressSyntax {

    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern DOMAIN = Pattern.compile(LABEL + "(?:\\." + LABEL + ")+");
    private static final Pattern LOCAL_PART = Pattern.compile("[^\\s@\"(),:;<>\\[\\\\\\]]{1,64}");

    private AddressSyntax() {
    }

    public static boolean isAddress(String text) {
        int at = text.lastIndexOf('@');
        return at > 0 && LOCAL_PART.matcher(text.substring(0, at)).matches() && isDomain(text.substring(at + 1));
    }

    public static boolean isDomain(String text) {
        return text.length() <= 253 && DOMAIN.matcher(text).matches();
    }

    /** The case-insensitive key addresses, domains and names are compared by. */
    public static String key(String text) {
        return text.trim().toLowerCase(Locale.ROOT);
    }

    public static String domainOf(String address) {
        return key(address.substring(address.lastIndexOf('@') + 1));
    }
}
