package dev.mailroom.intake.parse;

import java.util.Locale;

/**
 * A mailbox from an address header. {@code address} is lower-cased so that filters and user look-ups can compare
 * it directly; {@code original} keeps the sender's spelling for display. {@code displayName} is decoded, or null.
 */
public record EmailAddress(String address, String displayName, String original) {

    public EmailAddress {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("An email address needs an address");
        }
        displayName = displayName == null || displayName.isBlank() ? null : displayName.strip();
    }

    public static EmailAddress of(String address, String displayName) {
        String written = address.strip();
        return new EmailAddress(written.toLowerCase(Locale.ROOT), displayName, written);
    }

    /** The part after the last {@code @}, lower-cased; empty for a local-only address such as {@code MAILER-DAEMON}. */
    public String domain() {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1);
    }

    public String localPart() {
        int at = address.lastIndexOf('@');
        return at < 0 ? address : address.substring(0, at);
    }

    public boolean hasAddress(String other) {
        return other != null && address.equals(other.strip().toLowerCase(Locale.ROOT));
    }

    /** {@code Name <Address>} as a person would read it. */
    public String toDisplayString() {
        return displayName == null ? original : displayName + " <" + original + ">";
    }
}
