package dev.mailroom.outgoing.sending;

import java.util.Optional;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Values from the database on their way into headers. A CR or LF would start a header of its own (header injection),
 * so they become spaces; an address must be exactly one valid address.
 */
final class HeaderValues {

    private HeaderValues() {
    }

    static String oneLine(String value) {
        return value == null ? null : value.replaceAll("[\\r\\n]+", " ").strip();
    }

    /** A Message-ID in angle brackets, on one line. */
    static String messageId(String value) {
        String id = oneLine(value);
        if (id == null || id.isEmpty()) {
            return id;
        }
        return (id.startsWith("<") ? "" : "<") + id + (id.endsWith(">") ? "" : ">");
    }

    /** The address if it is one valid address ({@code user@domain}), or empty. */
    static Optional<InternetAddress> address(String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() || text.chars().anyMatch(c -> c == '\r' || c == '\n' || c == ',' || c == ';')) {
            return Optional.empty();
        }
        try {
            InternetAddress address = new InternetAddress(text, true);
            address.validate();
            String plain = address.getAddress();
            int at = plain.indexOf('@');
            if (at <= 0 || at == plain.length() - 1 || address.getPersonal() != null || address.isGroup()) {
                return Optional.empty();
            }
            return Optional.of(address);
        } catch (AddressException e) {
            return Optional.empty();
        }
    }
}
