package dev.mailroom.intake.parse;

/**
 * The message this one forwards, when it forwards one: its original sender and subject.
 *
 * @param source whether it was found in the text ("---------- Forwarded message ---------") or as an attachment
 */
public record ForwardedMessage(EmailAddress originalSender, String originalSubject, Source source) {

    public enum Source {
        INLINE_TEXT,
        ATTACHED_MESSAGE
    }
}
