package dev.mailroom.intake.parse;

/** One header field as sent: its name in the sender's spelling and its unfolded value (encoded words decoded). */
public record Header(String name, String value) {
}
