package dev.mailroom.intake.parse;

import java.time.OffsetDateTime;

/** The headers of a message carried as an attachment (message/rfc822), read once when it was stored. */
public record EmbeddedMessage(String subject, EmailAddress from, String messageId, OffsetDateTime date) {
}
