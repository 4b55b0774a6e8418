package dev.mailroom.intake.parse;

/** A yes/no finding about a message with the evidence for it, so an audit entry can say why. */
public record Signal(boolean present, String reason) {

    public static final Signal ABSENT = new Signal(false, null);

    public static Signal because(String reason) {
        return new Signal(true, reason);
    }
}
